<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>uptake::DashboardChartView</name>
    <message numerus="yes">
        <source>&lt;br&gt;&lt;i&gt;Not over yet: %n day(s) so far (hollow dots)&lt;/i&gt;</source>
        <translation>
            <numerusform>&lt;br&gt;&lt;i&gt;Not over yet: %n day so far (hollow dots)&lt;/i&gt;</numerusform>
            <numerusform>&lt;br&gt;&lt;i&gt;Not over yet: %n days so far (hollow dots)&lt;/i&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cohort: %Ln caller(s)</source>
        <translation>
            <numerusform>The cohort: %Ln caller</numerusform>
            <numerusform>The cohort: %Ln callers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The lines of the %n task(s) with the most callers: a caller counts once within a task. The n under each week are the whole view&apos;s.</source>
        <translation>
            <numerusform>The line of the task with the most callers: a caller counts once within a task. The n under each week are the whole view&apos;s.</numerusform>
            <numerusform>The lines of the %n tasks with the most callers: a caller counts once within a task. The n under each week are the whole view&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln called model(s) not shown: no caller&apos;s 5th week is over yet</source>
        <translation>
            <numerusform>%Ln called model not shown: no caller&apos;s 5th week is over yet</numerusform>
            <numerusform>%Ln called models not shown: no caller&apos;s 5th week is over yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln other model(s) at this point</source>
        <translation>
            <numerusform>and %Ln other model at this point</numerusform>
            <numerusform>and %Ln other models at this point</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uptake::DashboardWidget</name>
    <message numerus="yes">
        <source>%1 model(s)</source>
        <translation>
            <numerusform>%1 model</numerusform>
            <numerusform>%1 models</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 call(s)</source>
        <translation>
            <numerusform>%1 call</numerusform>
            <numerusform>%1 calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uptake::DetailPane</name>
    <message numerus="yes">
        <source>callers: the distinct callers of the week.
came back: of them, those who had called this model in an earlier week.
The last week has %n day(s) so far: hollow dots, not part of the line.</source>
        <translation>
            <numerusform>callers: the distinct callers of the week.
came back: of them, those who had called this model in an earlier week.
The last week has %n day so far: hollow dots, not part of the line.</numerusform>
            <numerusform>callers: the distinct callers of the week.
came back: of them, those who had called this model in an earlier week.
The last week has %n days so far: hollow dots, not part of the line.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln caller(s) first seen in the week of %1</source>
        <translation>
            <numerusform>%Ln caller first seen in the week of %1</numerusform>
            <numerusform>%Ln callers first seen in the week of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uptake::FilterPanel</name>
    <message numerus="yes">
        <source>%Ln+ matching model(s)…</source>
        <translation>
            <numerusform>%Ln+ matching model…</numerusform>
            <numerusform>%Ln+ matching models…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matching model(s)</source>
        <translation>
            <numerusform>%Ln matching model</numerusform>
            <numerusform>%Ln matching models</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uptake::ImportResultDialog</name>
    <message numerus="yes">
        <source>… and %1 more rejected row(s)</source>
        <translation>
            <numerusform>… and %1 more rejected row</numerusform>
            <numerusform>… and %1 more rejected rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uptake::MainWindow</name>
    <message numerus="yes">
        <source>%1 model(s)</source>
        <translation>
            <numerusform>%1 model</numerusform>
            <numerusform>%1 models</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 call(s)</source>
        <translation>
            <numerusform>%1 call</numerusform>
            <numerusform>%1 calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 row(s) to %2 (and %2.json)</source>
        <translation>
            <numerusform>Exported %1 row to %2 (and %2.json)</numerusform>
            <numerusform>Exported %1 rows to %2 (and %2.json)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>Copied %Ln row.</numerusform>
            <numerusform>Copied %Ln rows.</numerusform>
        </translation>
    </message>
</context>
</TS>
