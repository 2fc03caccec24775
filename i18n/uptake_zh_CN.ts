<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogueLoader</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlisted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  [unlisted]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has usage but is not in any imported catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardChartView</name>
    <message>
        <source>Supply vs demand by task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concentration of calls over listed models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supply and usage over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loop: from listing to repeat use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top models by calls, with their repeat rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model matches the current filter. Widen the filter to see this chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usage imported yet. Import a usage file (uptake import usage FILE) to compare what is listed with what is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 models of this view have no calls in the selected usage window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This view holds no listed models, only models seen in usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The listed models of this view have no calls in the selected usage window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in the selected usage window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model of this view was called in the selected usage window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed models (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat callers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other (%1 tasks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the view&apos;s total (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Listed models: %2 (%3)&lt;br&gt;Calls: %4 (%5)&lt;br&gt;Repeat callers: %6 (%7), counted per model%8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;Click to filter the table&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lorenz curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top 1% / 10%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed models, fewest calls first (cum. %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their calls (cumulative %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 listed models, %2 calls
Gini coefficient: %3
Never called: %4 of models
Top 1% of models: %5 of calls
Top 10% of models: %6 of calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of listed models with the fewest calls take %2 of all calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The top 1% of listed models take %1 of calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The top 10% of listed models take %1 of calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, per %1 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returning callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models listed (right axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week starting (Monday, UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls, callers per %1 (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls, callers per %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models listed (cumulative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 to %2&lt;/b&gt;&lt;br&gt;Calls: %3&lt;br&gt;Active callers: %4&lt;br&gt;Returning callers (seen in an earlier %5): %6&lt;br&gt;Models listed by then: %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;(%1 listed models without a listing date not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of the first step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 of the step before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2 of previous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls (bottom axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat rate (% of callers, top axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls in the usage window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat rate (% of callers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;%2&lt;br&gt;Calls: %3&lt;br&gt;Unique callers: %4&lt;br&gt;Repeat callers: %5&lt;br&gt;Repeat rate: %6&lt;br&gt;&lt;i&gt;Click to show it in the table&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (unlisted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (no callers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file name must end in .png or .svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a chart needs at least 200x150 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by Uptake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>%1 models in this view, %2 calls in the usage window. Computed in %3 s. Click a task or a model to filter the table; right-click a chart to export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the charts for this view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing usage over time and callers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown chart &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardWorker</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache is not open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>No description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a model to see its listing and usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is no longer in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (unlisted: seen in usage, in no catalogue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls / week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls / day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No callers in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week (Mon–Sun)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls: no mode mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vanilla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZKML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call modes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>id, author, task, tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has repeat callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlisted (usage only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage window (UTC days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+ matching models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 matching model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matching models</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Rejected Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected rows (the rest of each file was imported):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Uptake — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Usage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every row of the current filter and sort to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Uptake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cache open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Uptake with --cache FILE to use another cache file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo data could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cache is empty: building a demo registry (%1 models, %2 calls) so that there is something to look at…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are looking at demo data: a made-up registry with made-up usage. To see your own, import a catalogue and usage logs into a cache: uptake import catalogue FILE, then uptake import usage FILE (use --cache FILE to keep them apart from this demo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 models · %2 calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listed %1 · called %2 · never called %3 · Gini %4 · top 1% of models: %5 of calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Uptake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptake %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each model&apos;s listing next to its observed usage.

Qt %1 (built with %2)
SQLite %3

Cache: %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (demo data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into the demo cache?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cache holds demo data, and your data would be mixed with it. To keep them apart, quit and start Uptake with --cache FILE for a cache of your own.

Import into the demo cache anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogues (*.json *.jsonl *.ndjson *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage logs (*.csv *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 (file %2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (nothing imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (nothing imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the file being imported was left out entirely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 rows to %2 (and %2.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 is not an Uptake cache (not an SQLite database, or damaged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such cache file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not an Uptake cache; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was made by a newer Uptake (cache schema %2; this build reads up to %3). Update Uptake to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs an upgrade, which a read-only open cannot do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cache has no caller secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot create: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
