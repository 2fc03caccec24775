<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Columns</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>Gelistet am</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Unique callers</source>
        <translation>Eindeutige Aufrufer</translation>
    </message>
    <message>
        <source>Repeat callers</source>
        <translation>Wiederkehrende Aufrufer</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>Wiederkehrquote</translation>
    </message>
    <message>
        <source>Verified calls</source>
        <translation>Verifizierte Aufrufe</translation>
    </message>
    <message>
        <source>Fees paid</source>
        <translation>Gezahlte Gebühren</translation>
    </message>
    <message>
        <source>First call</source>
        <translation>Erster Aufruf</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>Letzter Aufruf</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Gelistet</translation>
    </message>
    <message>
        <source>Failed calls</source>
        <translation>Fehlgeschlagene Aufrufe</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>Aktive Tage</translation>
    </message>
    <message>
        <source>Week-1 retention</source>
        <translation>Bindung nach 1 Woche</translation>
    </message>
    <message>
        <source>Week-4 retention</source>
        <translation>Bindung nach 4 Wochen</translation>
    </message>
    <message>
        <source>Top caller share</source>
        <translation>Anteil des aktivsten</translation>
    </message>
    <message>
        <source>Effective callers</source>
        <translation>Effektive Aufrufer</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Base models</source>
        <translation>Basismodelle</translation>
    </message>
    <message>
        <source>Total downloads</source>
        <translation>Downloads gesamt</translation>
    </message>
    <message>
        <source>Trending score</source>
        <translation>Trend-Wert</translation>
    </message>
    <message>
        <source>Gated</source>
        <translation>Zugangsbeschränkt</translation>
    </message>
</context>
<context>
    <name>EvidenceCharts</name>
    <message>
        <source>&lt; %1</source>
        <comment>less than a percentage</comment>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1M</source>
        <comment>millions, short</comment>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1k</source>
        <comment>thousands, short</comment>
        <translation>%1k</translation>
    </message>
    <message>
        <source>week after the first; n callers</source>
        <translation>Woche nach der ersten; n Aufrufer</translation>
    </message>
    <message>
        <source>% came back</source>
        <translation>% kamen wieder</translation>
    </message>
    <message>
        <source>Week %1 after the first: %2 of %3 callers came back (%4)</source>
        <translation>Woche %1 nach der ersten: %2 von %3 Aufrufern kamen wieder (%4)</translation>
    </message>
    <message>
        <source>Of the callers first seen in this window, the share who called again in the k-th week after their first week. Below each week: n, the callers whose k-th week was over by the last day with calls; only they count.</source>
        <translation>Von den in diesem Zeitraum zuerst gesehenen Aufrufern der Anteil, der in der k-ten Woche nach seiner ersten Woche wieder aufrief. Unter jeder Woche: n, die Aufrufer, deren k-te Woche am letzten Tag mit Aufrufen vorbei war; nur sie zählen.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>returning</source>
        <translation>wiederkehrend</translation>
    </message>
    <message>
        <source>resurrecting</source>
        <translation>reaktiviert</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>ruhend</translation>
    </message>
    <message>
        <source>(partial)</source>
        <translation>(laufend)</translation>
    </message>
    <message>
        <source>callers</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <source>Callers per week (Monday to Sunday, UTC).
new: first call in this week.
returning: called in this week and in the week before.
resurrecting: called in this week, not in the week before, but earlier.
dormant (below the axis): called in the week before, not in this week.</source>
        <translation>Aufrufer pro Woche (Montag bis Sonntag, UTC).
neu: erster Aufruf in dieser Woche.
wiederkehrend: Aufruf in dieser und in der Vorwoche.
reaktiviert: Aufruf in dieser Woche, nicht in der Vorwoche, aber früher.
ruhend (unter der Achse): Aufruf in der Vorwoche, nicht in dieser Woche.</translation>
    </message>
    <message>
        <source>The last week, from %1, is not over: its bars are pale.</source>
        <translation>Die letzte Woche, ab dem %1, ist nicht vorbei: ihre Balken sind blass.</translation>
    </message>
    <message>
        <source>%1 of %2 callers first seen in the week of %3 came back in week %4 after it</source>
        <translation>%1 von %2 in der Woche vom %3 erstmals gesehenen Aufrufern kamen in Woche %4 danach wieder</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 is not an Uptake cache (not an SQLite database, or damaged).</source>
        <translation>%1 ist kein Uptake-Cache (keine SQLite-Datenbank oder beschädigt).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no such cache file.</source>
        <translation>%1: Cache-Datei nicht gefunden.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not an Uptake cache; it was left untouched.</source>
        <translation>%1 ist eine SQLite-Datenbank eines anderen Programms, kein Uptake-Cache; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 was made by a newer Uptake (cache schema %2; this build reads up to %3). Update Uptake to open it.</source>
        <translation>%1 wurde von einer neueren Uptake-Version erstellt (Cache-Schema %2; diese Version liest bis %3). Aktualisieren Sie Uptake, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>%1 needs an upgrade, which a read-only open cannot do.</source>
        <translation>%1 muss aktualisiert werden, was beim schreibgeschützten Öffnen nicht möglich ist.</translation>
    </message>
    <message>
        <source>the cache has no caller secret</source>
        <translation>der Cache hat kein Aufrufer-Geheimnis</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1: cannot create: %2</source>
        <translation>%1: Erstellen nicht möglich: %2</translation>
    </message>
    <message>
        <source>cannot use a temporary file in %1: %2</source>
        <translation>Temporäre Datei in %1 nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>the cache&apos;s mark of an unfinished demo is damaged (%1)</source>
        <translation>die Markierung einer unfertigen Demo im Cache ist beschädigt (%1)</translation>
    </message>
</context>
<context>
    <name>TableCopy</name>
    <message>
        <source>Open on the Hugging Face Hub</source>
        <translation>Auf dem Hugging Face Hub öffnen</translation>
    </message>
    <message>
        <source>Open on the OpenGradient Model Hub</source>
        <translation>Im OpenGradient Model Hub öffnen</translation>
    </message>
</context>
<context>
    <name>uptake::CatalogueLoader</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>uptake::CatalogueModel</name>
    <message>
        <source>listed</source>
        <translation>gelistet</translation>
    </message>
    <message>
        <source>unlisted</source>
        <translation>nicht gelistet</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>%1  [unlisted]</source>
        <translation>%1  [nicht gelistet]</translation>
    </message>
    <message>
        <source>%1 has usage but is not in any imported catalogue.</source>
        <translation>%1 wird genutzt, steht aber in keinem importierten Katalog.</translation>
    </message>
    <message>
        <source>%1 (known to the day only: from a usage roll-up)</source>
        <translation>%1 (nur auf den Tag genau bekannt: aus einer Nutzungs-Aggregation)</translation>
    </message>
    <message>
        <source>Counting the callers of this usage window…</source>
        <translation>Die Aufrufer dieses Nutzungszeitraums werden gezählt …</translation>
    </message>
    <message>
        <source>The model&apos;s id in its registry: author/name.</source>
        <translation>Die ID des Modells in seiner Registry: Autor/Name.</translation>
    </message>
    <message>
        <source>Who published the model.</source>
        <translation>Wer das Modell veröffentlicht hat.</translation>
    </message>
    <message>
        <source>What the model does, as its registry files it.</source>
        <translation>Wofür das Modell gedacht ist, so wie die Registry es einordnet.</translation>
    </message>
    <message>
        <source>The day the model was first listed (UTC).</source>
        <translation>Der Tag, an dem das Modell zuerst gelistet wurde (UTC).</translation>
    </message>
    <message>
        <source>How many versions the registry lists.</source>
        <translation>Wie viele Versionen die Registry führt.</translation>
    </message>
    <message>
        <source>Inference calls in the usage window, failed ones included; an event id counts once.</source>
        <translation>Inferenz-Aufrufe im Nutzungszeitraum, fehlgeschlagene eingeschlossen; eine Ereignis-ID zählt einmal.</translation>
    </message>
    <message>
        <source>Distinct callers (wallets or user ids) in the usage window.</source>
        <translation>Verschiedene Aufrufer (Wallets oder Benutzer-IDs) im Nutzungszeitraum.</translation>
    </message>
    <message>
        <source>Callers who called this model on two or more different UTC days in the usage window.</source>
        <translation>Aufrufer, die dieses Modell im Nutzungszeitraum an zwei oder mehr verschiedenen UTC-Tagen aufgerufen haben.</translation>
    </message>
    <message>
        <source>Repeat callers as a share of unique callers.</source>
        <translation>Wiederkehrende Aufrufer als Anteil der eindeutigen Aufrufer.</translation>
    </message>
    <message>
        <source>Calls verified by a TEE or a ZKML proof.</source>
        <translation>Aufrufe, die durch eine TEE oder einen ZKML-Beweis verifiziert sind.</translation>
    </message>
    <message>
        <source>Fees paid for the calls, in OPG, summed exactly.</source>
        <translation>Für die Aufrufe gezahlte Gebühren in OPG, exakt summiert.</translation>
    </message>
    <message>
        <source>The first call in the usage window (UTC).</source>
        <translation>Der erste Aufruf im Nutzungszeitraum (UTC).</translation>
    </message>
    <message>
        <source>The last call in the usage window (UTC).</source>
        <translation>Der letzte Aufruf im Nutzungszeitraum (UTC).</translation>
    </message>
    <message>
        <source>Whether a catalogue lists the model; unlisted: seen only in usage.</source>
        <translation>Ob ein Katalog das Modell führt; nicht gelistet: nur aus der Nutzung bekannt.</translation>
    </message>
    <message>
        <source>The model&apos;s name, without its author.</source>
        <translation>Der Name des Modells, ohne Autor.</translation>
    </message>
    <message>
        <source>The library or file format the model is for.</source>
        <translation>Die Bibliothek oder das Dateiformat des Modells.</translation>
    </message>
    <message>
        <source>The licence the model is published under.</source>
        <translation>Die Lizenz, unter der das Modell veröffentlicht ist.</translation>
    </message>
    <message>
        <source>The registry&apos;s tags for the model.</source>
        <translation>Die Schlagwörter der Registry für das Modell.</translation>
    </message>
    <message>
        <source>When the registry last saw the model change (UTC).</source>
        <translation>Wann die Registry das Modell zuletzt geändert sah (UTC).</translation>
    </message>
    <message>
        <source>Files in the model&apos;s newest version.</source>
        <translation>Dateien der neuesten Version des Modells.</translation>
    </message>
    <message>
        <source>Downloads as the registry reports them (not calls).</source>
        <translation>Downloads, wie die Registry sie meldet (keine Aufrufe).</translation>
    </message>
    <message>
        <source>Likes as the registry reports them.</source>
        <translation>Likes, wie die Registry sie meldet.</translation>
    </message>
    <message>
        <source>Of the calls, those that ended in an error.</source>
        <translation>Von den Aufrufen die, die mit einem Fehler endeten.</translation>
    </message>
    <message>
        <source>UTC days with at least one call in the usage window.</source>
        <translation>UTC-Tage mit mindestens einem Aufruf im Nutzungszeitraum.</translation>
    </message>
    <message>
        <source>CSV column: %1</source>
        <translation>CSV-Spalte: %1</translation>
    </message>
    <message>
        <source>Of the callers first seen (in the usage window) at least 2 weeks before the last day with calls, the share who called again in their 2nd week: 7 to 13 days after their first call. Empty where no caller is that old yet.</source>
        <translation>Von den Aufrufern, die (im Nutzungszeitraum) mindestens 2 Wochen vor dem letzten Tag mit Aufrufen zuerst kamen, der Anteil, der in seiner 2. Woche wieder aufrief: 7 bis 13 Tage nach dem ersten Aufruf. Leer, solange kein Aufrufer so alt ist.</translation>
    </message>
    <message>
        <source>Of the callers first seen (in the usage window) at least 5 weeks before the last day with calls, the share who called again in their 5th week: 28 to 34 days after their first call. Empty where no caller is that old yet.</source>
        <translation>Von den Aufrufern, die (im Nutzungszeitraum) mindestens 5 Wochen vor dem letzten Tag mit Aufrufen zuerst kamen, der Anteil, der in seiner 5. Woche wieder aufrief: 28 bis 34 Tage nach dem ersten Aufruf. Leer, solange kein Aufrufer so alt ist.</translation>
    </message>
    <message>
        <source>The share of the calls made by the busiest caller. Near 100%, one caller is all the usage.</source>
        <translation>Der Anteil der Aufrufe, den der aktivste Aufrufer machte. Nahe 100 % ist ein einziger Aufrufer die ganze Nutzung.</translation>
    </message>
    <message>
        <source>How many equally busy callers the usage amounts to: ten callers with ten calls each give 10; one caller with nearly all the calls gives about 1.</source>
        <translation>Wie vielen gleich aktiven Aufrufern die Nutzung entspricht: zehn Aufrufer mit je zehn Aufrufen ergeben 10; ein Aufrufer mit fast allen Aufrufen etwa 1.</translation>
    </message>
    <message>
        <source>%1T</source>
        <comment>trillions of parameters</comment>
        <translation>%1 Bio.</translation>
    </message>
    <message>
        <source>%1B</source>
        <comment>billions of parameters</comment>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1M</source>
        <comment>millions of parameters</comment>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1K</source>
        <comment>thousands of parameters</comment>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>gated</source>
        <comment>access to the model needs the author&apos;s consent</comment>
        <translation>beschränkt</translation>
    </message>
    <message>
        <source>open</source>
        <comment>anyone can download the model</comment>
        <translation>offen</translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation>%1 Parameter</translation>
    </message>
    <message>
        <source>The model&apos;s size in parameters, as its registry counts them (its safetensors files, else the listing&apos;s figure).</source>
        <translation>Die Größe des Modells in Parametern, wie sein Verzeichnis sie zählt (aus seinen safetensors-Dateien, sonst die Angabe der Liste).</translation>
    </message>
    <message>
        <source>The models this one was made from (fine-tuned, adapted, quantised, merged), as its card or registry names them.</source>
        <translation>Die Modelle, aus denen dieses entstand (feinabgestimmt, angepasst, quantisiert, zusammengeführt), wie seine Modellkarte oder sein Verzeichnis sie nennt.</translation>
    </message>
    <message>
        <source>Gated: the author must grant access before the files can be downloaded. Open: anyone can.</source>
        <translation>Beschränkt: Der Autor muss den Zugang freigeben, bevor die Dateien heruntergeladen werden können. Offen: Jeder kann sie laden.</translation>
    </message>
    <message>
        <source>Downloads since the model was listed, as the registry reports them (not calls).</source>
        <translation>Downloads, seit das Modell gelistet ist, wie das Verzeichnis sie meldet (keine Aufrufe).</translation>
    </message>
    <message>
        <source>The registry&apos;s own trending score: how much attention the model is getting lately.</source>
        <translation>Der Trend-Wert des Verzeichnisses selbst: wie viel Aufmerksamkeit das Modell zuletzt bekommt.</translation>
    </message>
</context>
<context>
    <name>uptake::DashboardChartView</name>
    <message>
        <source>Supply vs demand by task</source>
        <translation>Angebot und Nachfrage nach Aufgabe</translation>
    </message>
    <message>
        <source>Supply and usage over time</source>
        <translation>Angebot und Nutzung im Zeitverlauf</translation>
    </message>
    <message>
        <source>The loop: from listing to repeat use</source>
        <translation>Der Kreislauf: von der Listung zur Wiederkehr</translation>
    </message>
    <message>
        <source>Top models by calls, with their repeat rate</source>
        <translation>Top-Modelle nach Aufrufen, mit Wiederkehrquote</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>No model matches the current filter. Widen the filter to see this chart.</source>
        <translation>Kein Modell entspricht dem aktuellen Filter. Erweitern Sie den Filter, um dieses Diagramm zu sehen.</translation>
    </message>
    <message>
        <source>No usage imported yet. Import a usage file (uptake import usage FILE) to compare what is listed with what is used.</source>
        <translation>Noch keine Nutzung importiert. Importieren Sie eine Nutzungsdatei (uptake import usage FILE), um Gelistetes mit tatsächlich Genutztem zu vergleichen.</translation>
    </message>
    <message>
        <source>The %1 models of this view have no calls in the selected usage window.</source>
        <translation>Die %1 Modelle dieser Ansicht haben im gewählten Nutzungszeitraum keine Aufrufe.</translation>
    </message>
    <message>
        <source>This view holds no listed models, only models seen in usage.</source>
        <translation>Diese Ansicht enthält keine gelisteten Modelle, nur Modelle aus der Nutzung.</translation>
    </message>
    <message>
        <source>The listed models of this view have no calls in the selected usage window.</source>
        <translation>Die gelisteten Modelle dieser Ansicht haben im gewählten Nutzungszeitraum keine Aufrufe.</translation>
    </message>
    <message>
        <source>No calls in the selected usage window.</source>
        <translation>Keine Aufrufe im gewählten Nutzungszeitraum.</translation>
    </message>
    <message>
        <source>No model of this view was called in the selected usage window.</source>
        <translation>Kein Modell dieser Ansicht wurde im gewählten Nutzungszeitraum aufgerufen.</translation>
    </message>
    <message>
        <source>Other (%1 tasks)</source>
        <translation>Sonstige (%1 Aufgaben)</translation>
    </message>
    <message>
        <source>(no task)</source>
        <translation>(keine Aufgabe)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Share of the view&apos;s total (%)</source>
        <translation>Anteil an der Summe der Ansicht (%)</translation>
    </message>
    <message>
        <source>Other tasks</source>
        <translation>Sonstige Aufgaben</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Listed models: %2 (%3)&lt;br&gt;Calls: %4 (%5)&lt;br&gt;Repeat callers: %6 (%7), counted per model%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Gelistete Modelle: %2 (%3)&lt;br&gt;Aufrufe: %4 (%5)&lt;br&gt;Wiederkehrende Aufrufer: %6 (%7), je Modell gezählt%8</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;Click to filter the table&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;Klicken, um die Tabelle zu filtern&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Lorenz curve</source>
        <translation>Lorenzkurve</translation>
    </message>
    <message>
        <source>Equal use</source>
        <translation>Gleichverteilung</translation>
    </message>
    <message>
        <source>Top 1% / 10%</source>
        <translation>Top 1% / 10%</translation>
    </message>
    <message>
        <source>Their calls (cumulative %)</source>
        <translation>Ihre Aufrufe (kumuliert, %)</translation>
    </message>
    <message>
        <source>The %1 of listed models with the fewest calls take %2 of all calls</source>
        <translation>Die %1 der gelisteten Modelle mit den wenigsten Aufrufen erhalten %2 aller Aufrufe</translation>
    </message>
    <message>
        <source>The top 1% of listed models take %1 of calls</source>
        <translation>Die Top 1% der gelisteten Modelle erhalten %1 der Aufrufe</translation>
    </message>
    <message>
        <source>The top 10% of listed models take %1 of calls</source>
        <translation>Die Top 10% der gelisteten Modelle erhalten %1 der Aufrufe</translation>
    </message>
    <message>
        <source>, per week</source>
        <translation>, pro Woche</translation>
    </message>
    <message>
        <source>, per %1 weeks</source>
        <translation>, pro %1 Wochen</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Active callers</source>
        <translation>Aktive Aufrufer</translation>
    </message>
    <message>
        <source>Models listed (right axis)</source>
        <translation>Gelistete Modelle (rechte Achse)</translation>
    </message>
    <message>
        <source>Week starting (Monday, UTC)</source>
        <translation>Wochenbeginn (Montag, UTC)</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 Wochen</translation>
    </message>
    <message>
        <source>Calls, callers per %1 (log)</source>
        <translation>Aufrufe, Aufrufer pro %1 (log)</translation>
    </message>
    <message>
        <source>Calls, callers per %1</source>
        <translation>Aufrufe, Aufrufer pro %1</translation>
    </message>
    <message>
        <source>Models listed (cumulative)</source>
        <translation>Gelistete Modelle (kumuliert)</translation>
    </message>
    <message>
        <source>period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>&lt;br&gt;(%1 listed models without a listing date not counted)</source>
        <translation>&lt;br&gt;(%1 gelistete Modelle ohne Listungsdatum nicht mitgezählt)</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <source>Models listed</source>
        <translation>Gelistete Modelle</translation>
    </message>
    <message>
        <source>% of the first step</source>
        <translation>% des ersten Schritts</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3%4</translation>
    </message>
    <message>
        <source>models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>callers</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 of the step before</source>
        <translation>&lt;br&gt;%1 des vorherigen Schritts</translation>
    </message>
    <message>
        <source>%1  (%2 of previous)</source>
        <translation>%1  (%2 vom vorherigen)</translation>
    </message>
    <message>
        <source>Calls (bottom axis)</source>
        <translation>Aufrufe (untere Achse)</translation>
    </message>
    <message>
        <source>Repeat rate (% of callers, top axis)</source>
        <translation>Wiederkehrquote (% der Aufrufer, obere Achse)</translation>
    </message>
    <message>
        <source>Calls in the usage window</source>
        <translation>Aufrufe im Nutzungszeitraum</translation>
    </message>
    <message>
        <source>Repeat rate (% of callers)</source>
        <translation>Wiederkehrquote (% der Aufrufer)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;%2&lt;br&gt;Calls: %3&lt;br&gt;Unique callers: %4&lt;br&gt;Repeat callers: %5&lt;br&gt;Repeat rate: %6&lt;br&gt;&lt;i&gt;Click to show it in the table&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;%2&lt;br&gt;Aufrufe: %3&lt;br&gt;Eindeutige Aufrufer: %4&lt;br&gt;Wiederkehrende Aufrufer: %5&lt;br&gt;Wiederkehrquote: %6&lt;br&gt;&lt;i&gt;Klicken, um das Modell in der Tabelle zu zeigen&lt;/i&gt;</translation>
    </message>
    <message>
        <source> (unlisted)</source>
        <translation> (nicht gelistet)</translation>
    </message>
    <message>
        <source>none (no callers)</source>
        <translation>– (keine Aufrufer)</translation>
    </message>
    <message>
        <source>%1: the file name must end in .png or .svg</source>
        <translation>%1: Der Dateiname muss auf .png oder .svg enden</translation>
    </message>
    <message>
        <source>a chart needs at least 200x150 pixels</source>
        <translation>ein Diagramm braucht mindestens 200x150 Pixel</translation>
    </message>
    <message>
        <source>Made by Uptake</source>
        <translation>Erstellt mit Uptake</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1: Die Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <source>Concentration of calls</source>
        <translation>Konzentration der Aufrufe</translation>
    </message>
    <message>
        <source>Listed models, fewest calls first (%)</source>
        <translation>Gelistete Modelle, wenigste Aufrufe zuerst (%)</translation>
    </message>
    <message>
        <source>%1 models, %2 calls
Gini: %3
Never called: %4
Top 1% take %5 of calls
Top 10% take %6</source>
        <translation>%1 Modelle, %2 Aufrufe
Gini: %3
Nie aufgerufen: %4
Top 1% erhalten %5 der Aufrufe
Top 10% erhalten %6</translation>
    </message>
    <message>
        <source>equal use</source>
        <translation>Gleichverteilung</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Gelistet</translation>
    </message>
    <message>
        <source>Called at least once</source>
        <translation>Mindestens einmal aufgerufen</translation>
    </message>
    <message>
        <source>…with verified calls</source>
        <translation>…mit verifizierten Aufrufen</translation>
    </message>
    <message>
        <source>…and paid for</source>
        <translation>…und bezahlt</translation>
    </message>
    <message>
        <source>…kept a repeat caller</source>
        <translation>…mit wiederkehrendem Aufrufer</translation>
    </message>
    <message>
        <source>…made a verified call</source>
        <translation>…mit verifiziertem Aufruf</translation>
    </message>
    <message>
        <source>…and paid a fee</source>
        <translation>…und Gebühr bezahlt</translation>
    </message>
    <message>
        <source>…came back another day</source>
        <translation>…an anderem Tag wieder</translation>
    </message>
    <message>
        <source>Callers, each counted once</source>
        <translation>Aufrufer, jeder einmal gezählt</translation>
    </message>
    <message>
        <source>Listed models</source>
        <translation>Gelistete Modelle</translation>
    </message>
    <message>
        <source>Repeat callers, summed per model</source>
        <translation>Wiederkehrer, je Modell summiert</translation>
    </message>
    <message>
        <source>Came back</source>
        <translation>Kamen wieder</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 to %2&lt;/b&gt;&lt;br&gt;Calls: %3&lt;br&gt;Active callers: %4&lt;br&gt;Came back (seen in an earlier %5): %6&lt;br&gt;Models listed by then: %7</source>
        <translation>&lt;b&gt;%1 bis %2&lt;/b&gt;&lt;br&gt;Aufrufe: %3&lt;br&gt;Aktive Aufrufer: %4&lt;br&gt;Kamen wieder (in einer früheren %5 gesehen): %6&lt;br&gt;Bis dahin gelistete Modelle: %7</translation>
    </message>
    <message numerus="yes">
        <source>&lt;br&gt;&lt;i&gt;Not over yet: %n day(s) so far (hollow dots)&lt;/i&gt;</source>
        <translation>
            <numerusform>&lt;br&gt;&lt;i&gt;Noch nicht vorbei: bisher %n Tag (leere Punkte)&lt;/i&gt;</numerusform>
            <numerusform>&lt;br&gt;&lt;i&gt;Noch nicht vorbei: bisher %n Tage (leere Punkte)&lt;/i&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Do callers come back? Retention by week</source>
        <translation>Kommen Aufrufer wieder? Bindung nach Woche</translation>
    </message>
    <message>
        <source>Retention by week of the first call</source>
        <translation>Bindung nach Woche des ersten Aufrufs</translation>
    </message>
    <message>
        <source>Callers per week, by state</source>
        <translation>Aufrufer pro Woche, nach Zustand</translation>
    </message>
    <message>
        <source>Demand map: how broad, how lasting</source>
        <translation>Nachfragekarte: wie breit, wie dauerhaft</translation>
    </message>
    <message>
        <source>Each row: the callers first seen in one week (Monday to Sunday, UTC). Each cell: the share of them who called again in the k-th week after their first, white for none, deep blue for all. Empty cells: that week is not over yet for the row&apos;s callers.</source>
        <translation>Jede Zeile: die Aufrufer, die in einer Woche (Montag bis Sonntag, UTC) zuerst auftraten. Jede Zelle: der Anteil von ihnen, der in der k-ten Woche nach der ersten wieder aufrief, weiß für keinen, tiefblau für alle. Leere Zellen: diese Woche ist für die Aufrufer der Zeile noch nicht vorbei.</translation>
    </message>
    <message numerus="yes">
        <source>The cohort: %Ln caller(s)</source>
        <translation>
            <numerusform>Die Kohorte: %Ln Aufrufer</numerusform>
            <numerusform>Die Kohorte: %Ln Aufrufer</numerusform>
        </translation>
    </message>
    <message>
        <source>No caller of this view was first seen in the selected usage window.</source>
        <translation>Kein Aufrufer dieser Ansicht trat im gewählten Nutzungszeitraum zum ersten Mal auf.</translation>
    </message>
    <message>
        <source>No caller&apos;s 2nd week is over yet: nothing can be said about coming back.</source>
        <translation>Für keinen Aufrufer ist die 2. Woche schon vorbei: über das Wiederkommen lässt sich noch nichts sagen.</translation>
    </message>
    <message>
        <source>No callers in the selected usage window.</source>
        <translation>Keine Aufrufer im gewählten Nutzungszeitraum.</translation>
    </message>
    <message>
        <source>No called model of this view has callers whose 5th week is over: week-4 retention is not known for any of them yet.</source>
        <translation>Kein aufgerufenes Modell dieser Ansicht hat Aufrufer, deren 5. Woche vorbei ist: die Bindung nach 4 Wochen ist noch für keines bekannt.</translation>
    </message>
    <message>
        <source>other tasks</source>
        <translation>andere Aufgaben</translation>
    </message>
    <message>
        <source>Unique callers in the window (log scale)</source>
        <translation>Eindeutige Aufrufer im Zeitraum (logarithmisch)</translation>
    </message>
    <message>
        <source>Week-4 retention (%)</source>
        <translation>4-Wochen-Bindung (%)</translation>
    </message>
    <message>
        <source>Each point is a called model of this view: to the right, more callers; higher up, more of its callers came back in their 5th week (week-4 retention, of the callers first seen in the window). Bigger points have more calls. Click a point to show the model in the table.</source>
        <translation>Jeder Punkt ist ein aufgerufenes Modell dieser Ansicht: weiter rechts mehr Aufrufer; weiter oben kamen mehr seiner Aufrufer in ihrer 5. Woche wieder (Bindung nach 4 Wochen, unter den im Zeitraum zuerst gesehenen Aufrufern). Größere Punkte haben mehr Aufrufe. Ein Klick auf einen Punkt zeigt das Modell in der Tabelle.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Task: %2&lt;br&gt;Unique callers: %3&lt;br&gt;Calls: %4&lt;br&gt;Week-4 retention: %5&lt;br&gt;&lt;i&gt;Click to show it in the table&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Aufgabe: %2&lt;br&gt;Eindeutige Aufrufer: %3&lt;br&gt;Aufrufe: %4&lt;br&gt;Bindung nach 4 Wochen: %5&lt;br&gt;&lt;i&gt;Klicken, um es in der Tabelle zu zeigen&lt;/i&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>narrow but loyal</source>
        <translation>schmal, aber treu</translation>
    </message>
    <message>
        <source>wide and lasting</source>
        <translation>breit und dauerhaft</translation>
    </message>
    <message>
        <source>barely used</source>
        <translation>kaum genutzt</translation>
    </message>
    <message>
        <source>wide but passing</source>
        <translation>breit, aber flüchtig</translation>
    </message>
    <message>
        <source>…kept a caller to week 4</source>
        <translation>…Aufrufer bis Woche 4 gehalten</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 callers came back in their 5th week (28 to 34 days after their first call), of the %3 callers first seen in the window whose 5th week was over by the last day with calls: %4, the view&apos;s week-4 retention.&lt;br&gt;Not a part of the step before: any caller of the view counts.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 Aufrufer kamen in ihrer 5. Woche wieder (28 bis 34 Tage nach ihrem ersten Aufruf), von den %3 im Zeitraum zuerst gesehenen Aufrufern, deren 5. Woche am letzten Tag mit Aufrufen vorbei war: %4, die Bindung der Ansicht in Woche 4.&lt;br&gt;Keine Teilmenge des Schritts davor: jeder Aufrufer der Ansicht zählt.</translation>
    </message>
    <message>
        <source>none (nobody eligible)</source>
        <translation>keine (niemand berücksichtigt)</translation>
    </message>
    <message>
        <source>%1  (%2 of %3 eligible)</source>
        <translation>%1  (%2 von %3 berücksichtigten)</translation>
    </message>
    <message>
        <source>none eligible yet</source>
        <translation>noch niemand berücksichtigt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Week of %1&lt;/b&gt;&lt;br&gt;new: %2&lt;br&gt;returning: %3&lt;br&gt;resurrecting: %4&lt;br&gt;dormant: %5</source>
        <translation>&lt;b&gt;Woche vom %1&lt;/b&gt;&lt;br&gt;neu: %2&lt;br&gt;wiederkehrend: %3&lt;br&gt;reaktiviert: %4&lt;br&gt;ruhend: %5</translation>
    </message>
    <message>
        <source>not over yet: the figures are not final</source>
        <translation>noch nicht vorbei: die Zahlen sind nicht endgültig</translation>
    </message>
    <message numerus="yes">
        <source>The lines of the %n task(s) with the most callers: a caller counts once within a task. The n under each week are the whole view&apos;s.</source>
        <translation>
            <numerusform>Die Linie der Aufgabe mit den meisten Aufrufern: ein Aufrufer zählt innerhalb einer Aufgabe einmal. Die n unter jeder Woche gelten für die ganze Ansicht.</numerusform>
            <numerusform>Die Linien der %n Aufgaben mit den meisten Aufrufern: ein Aufrufer zählt innerhalb einer Aufgabe einmal. Die n unter jeder Woche gelten für die ganze Ansicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines: %1 callers (the median of the models shown), %2 week-4 retention</source>
        <translation>Linien: %1 Aufrufer (Median der gezeigten Modelle), %2 Bindung nach 4 Wochen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln called model(s) not shown: no caller&apos;s 5th week is over yet</source>
        <translation>
            <numerusform>%Ln aufgerufenes Modell nicht gezeigt: für keinen Aufrufer ist die 5. Woche vorbei</numerusform>
            <numerusform>%Ln aufgerufene Modelle nicht gezeigt: für keinen Aufrufer ist die 5. Woche vorbei</numerusform>
        </translation>
    </message>
    <message>
        <source>week after the first call; rows: the latest %1 of %2 weeks of first calls</source>
        <translation>Woche nach dem Erstaufruf; Zeilen: die letzten %1 von %2 Erstaufruf-Wochen</translation>
    </message>
    <message>
        <source>week after the first call; rows: the week of the first call</source>
        <translation>Woche nach dem Erstaufruf; Zeilen: Woche des Erstaufrufs</translation>
    </message>
    <message>
        <source>This view</source>
        <translation>Diese Ansicht</translation>
    </message>
    <message>
        <source>Families: base models by their derivatives&apos; callers</source>
        <translation>Familien: Basismodelle nach den Aufrufern ihrer Ableitungen</translation>
    </message>
    <message>
        <source>No model of this view names a base model. Listings from the Hugging Face Hub name them (a fine-tune&apos;s base, an adapter&apos;s, a quantisation&apos;s).</source>
        <translation>Kein Modell dieser Ansicht nennt ein Basismodell. Listen des Hugging Face Hub nennen sie (die Basis einer Feinabstimmung, eines Adapters, einer Quantisierung).</translation>
    </message>
    <message>
        <source>Callers of its derivatives (bottom axis)</source>
        <translation>Aufrufer seiner Ableitungen (untere Achse)</translation>
    </message>
    <message>
        <source>Derivatives listed (top axis)</source>
        <translation>Gelistete Ableitungen (obere Achse)</translation>
    </message>
    <message>
        <source>Distinct callers of the derivatives, in the usage window</source>
        <translation>Verschiedene Aufrufer der Ableitungen im Nutzungszeitraum</translation>
    </message>
    <message>
        <source>Derivatives listed</source>
        <translation>Gelistete Ableitungen</translation>
    </message>
    <message>
        <source>the top %1 of %2 base models</source>
        <translation>die ersten %1 von %2 Basismodellen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;%2&lt;br&gt;Derivatives listed: %3&lt;br&gt;Called: %4&lt;br&gt;Kept a caller to week 4: %5&lt;br&gt;Calls: %6&lt;br&gt;Distinct callers: %7%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;%2&lt;br&gt;Gelistete Ableitungen: %3&lt;br&gt;Aufgerufen: %4&lt;br&gt;Einen Aufrufer bis Woche 4 gehalten: %5&lt;br&gt;Aufrufe: %6&lt;br&gt;Verschiedene Aufrufer: %7%8</translation>
    </message>
    <message>
        <source> (not in the catalogue itself)</source>
        <translation> (selbst nicht im Katalog)</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;Click to show the base model in the table&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;Klicken, um das Basismodell in der Tabelle zu zeigen&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1 models as %2 points: those on the same spot are one</source>
        <translation>%1 Modelle als %2 Punkte: Modelle an derselben Stelle sind einer</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln other model(s) at this point</source>
        <translation>
            <numerusform>und %Ln weiteres Modell an diesem Punkt</numerusform>
            <numerusform>und %Ln weitere Modelle an diesem Punkt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uptake::DashboardWidget</name>
    <message>
        <source>The dashboard could not be computed: %1</source>
        <translation>Das Dashboard konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Computing the charts for this view…</source>
        <translation>Diagramme für diese Ansicht werden berechnet…</translation>
    </message>
    <message>
        <source>Computing usage over time and callers…</source>
        <translation>Nutzung im Zeitverlauf und Aufrufer werden berechnet…</translation>
    </message>
    <message>
        <source>unknown chart &apos;%1&apos;</source>
        <translation>unbekanntes Diagramm &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Diagramm:</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>%1 in this view, %2 in the usage window. Computed in %3 s. Click a task or a model to filter the table; right-click a chart to export it.</source>
        <translation>%1 in dieser Ansicht, %2 im Nutzungszeitraum. Berechnet in %3 s. Klicken Sie auf eine Aufgabe oder ein Modell, um die Tabelle danach zu filtern; Rechtsklick auf ein Diagramm exportiert es.</translation>
    </message>
    <message numerus="yes">
        <source>%1 model(s)</source>
        <translation>
            <numerusform>%1 Modell</numerusform>
            <numerusform>%1 Modelle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 call(s)</source>
        <translation>
            <numerusform>%1 Aufruf</numerusform>
            <numerusform>%1 Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Supply and demand</source>
        <translation>Angebot und Nachfrage</translation>
    </message>
    <message>
        <source>Does demand last?</source>
        <translation>Hält die Nachfrage?</translation>
    </message>
    <message>
        <source>Whether the callers of this view come back, week after week, and which models have broad and lasting demand</source>
        <translation>Ob die Aufrufer dieser Ansicht Woche für Woche wiederkommen und welche Modelle breite und dauerhafte Nachfrage haben</translation>
    </message>
    <message>
        <source>Computing whether callers come back…</source>
        <translation>Berechne, ob Aufrufer wiederkommen…</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Familien</translation>
    </message>
    <message>
        <source>Base models ranked by the callers of the models made from them (fine-tunes, adapters, quantisations), beside how many of those are listed</source>
        <translation>Basismodelle nach den Aufrufern der aus ihnen gemachten Modelle (Feinabstimmungen, Adapter, Quantisierungen), daneben wie viele davon gelistet sind</translation>
    </message>
    <message>
        <source>the families are computed when their page is shown: open the Families page, then export</source>
        <translation>die Familien werden berechnet, wenn ihre Seite gezeigt wird: Öffnen Sie die Seite „Familien“ und exportieren Sie dann</translation>
    </message>
</context>
<context>
    <name>uptake::DashboardWorker</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The cache is not open.</source>
        <translation>Der Cache ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>uptake::DetailPane</name>
    <message>
        <source>No description</source>
        <translation>Keine Beschreibung</translation>
    </message>
    <message>
        <source>Select a model to see its listing and usage.</source>
        <translation>Wählen Sie ein Modell, um seinen Eintrag und seine Nutzung zu sehen.</translation>
    </message>
    <message>
        <source>This model is no longer in the cache.</source>
        <translation>Dieses Modell ist nicht mehr im Cache.</translation>
    </message>
    <message>
        <source>%1  (unlisted: seen in usage, in no catalogue)</source>
        <translation>%1  (nicht gelistet: in der Nutzung gesehen, in keinem Katalog)</translation>
    </message>
    <message>
        <source>No calls in this window</source>
        <translation>Keine Aufrufe in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Calls per week</source>
        <translation>Aufrufe pro Woche</translation>
    </message>
    <message>
        <source>Calls per day</source>
        <translation>Aufrufe pro Tag</translation>
    </message>
    <message>
        <source>UTC day</source>
        <translation>UTC-Tag</translation>
    </message>
    <message>
        <source>calls / week</source>
        <translation>Aufrufe / Woche</translation>
    </message>
    <message>
        <source>calls / day</source>
        <translation>Aufrufe / Tag</translation>
    </message>
    <message>
        <source>No callers in this window</source>
        <translation>Keine Aufrufer in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Callers per week</source>
        <translation>Aufrufer pro Woche</translation>
    </message>
    <message>
        <source>week (Mon–Sun)</source>
        <translation>Woche (Mo–So)</translation>
    </message>
    <message>
        <source>callers</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <source>No calls: no mode mix</source>
        <translation>Keine Aufrufe: keine Modusverteilung</translation>
    </message>
    <message>
        <source>vanilla</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>TEE</source>
        <translation>TEE</translation>
    </message>
    <message>
        <source>ZKML</source>
        <translation>ZKML</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>Call modes</source>
        <translation>Aufrufmodi</translation>
    </message>
    <message>
        <source>No downloads or likes listed</source>
        <translation>Keine Downloads oder Likes gelistet</translation>
    </message>
    <message>
        <source>Unlisted: no listing history</source>
        <translation>Nicht gelistet: keine Listungshistorie</translation>
    </message>
    <message>
        <source>Listed popularity (one snapshot)</source>
        <translation>Gelistete Beliebtheit (ein Snapshot)</translation>
    </message>
    <message>
        <source>Listed popularity</source>
        <translation>Gelistete Beliebtheit</translation>
    </message>
    <message>
        <source>snapshot (UTC)</source>
        <translation>Snapshot (UTC)</translation>
    </message>
    <message>
        <source>downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <source>downloads, k</source>
        <comment>thousands</comment>
        <translation>Downloads, Tsd.</translation>
    </message>
    <message>
        <source>downloads, M</source>
        <comment>millions</comment>
        <translation>Downloads, Mio.</translation>
    </message>
    <message>
        <source>likes, k</source>
        <comment>thousands</comment>
        <translation>Likes, Tsd.</translation>
    </message>
    <message>
        <source>likes, M</source>
        <comment>millions</comment>
        <translation>Likes, Mio.</translation>
    </message>
    <message>
        <source>verified, kind unknown</source>
        <translation>verifiziert, Art unbekannt</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>Modi</translation>
    </message>
    <message>
        <source>Popularity</source>
        <translation>Beliebtheit</translation>
    </message>
    <message>
        <source>came back</source>
        <translation>kamen wieder</translation>
    </message>
    <message>
        <source>week so far</source>
        <translation>laufende Woche</translation>
    </message>
    <message numerus="yes">
        <source>callers: the distinct callers of the week.
came back: of them, those who had called this model in an earlier week.
The last week has %n day(s) so far: hollow dots, not part of the line.</source>
        <translation>
            <numerusform>Aufrufer: die verschiedenen Aufrufer der Woche.
kamen wieder: davon die, die dieses Modell schon in einer früheren Woche aufgerufen hatten.
Die letzte Woche hat bisher %n Tag: leere Punkte, nicht Teil der Linie.</numerusform>
            <numerusform>Aufrufer: die verschiedenen Aufrufer der Woche.
kamen wieder: davon die, die dieses Modell schon in einer früheren Woche aufgerufen hatten.
Die letzte Woche hat bisher %n Tage: leere Punkte, nicht Teil der Linie.</numerusform>
        </translation>
    </message>
    <message>
        <source>callers: the distinct callers of the week.
came back: of them, those who had called this model in an earlier week.</source>
        <translation>Aufrufer: die verschiedenen Aufrufer der Woche.
kamen wieder: davon die, die dieses Modell schon in einer früheren Woche aufgerufen hatten.</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Returning callers</source>
        <translation>Wiederkehrende Aufrufer</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>Kohorten</translation>
    </message>
    <message>
        <source>Whether callers come back in the weeks after their first call, and how many callers the usage rests on</source>
        <translation>Ob Aufrufer in den Wochen nach ihrem ersten Aufruf wiederkommen und auf wie vielen Aufrufern die Nutzung beruht</translation>
    </message>
    <message>
        <source>The callers first seen in each week, and the share of them who came back in each later week</source>
        <translation>Die in jeder Woche erstmals gesehenen Aufrufer und der Anteil von ihnen, der in jeder späteren Woche wiederkam</translation>
    </message>
    <message>
        <source>— (for no caller is week %1 after the first over yet)</source>
        <translation>— (für keinen Aufrufer ist Woche %1 nach der ersten schon vorbei)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>Week-1 retention</source>
        <translation>Bindung nach 1 Woche</translation>
    </message>
    <message>
        <source>Of the callers first seen in this window at least 2 weeks before %1 (the last day with calls), the share who called this model again in their 2nd week: 7 to 13 days after their first call.</source>
        <translation>Von den Aufrufern, die in diesem Zeitraum mindestens 2 Wochen vor dem %1 (dem letzten Tag mit Aufrufen) erstmals auftraten, der Anteil, der dieses Modell in seiner 2. Woche erneut aufrief: 7 bis 13 Tage nach dem ersten Aufruf.</translation>
    </message>
    <message>
        <source>Week-4 retention</source>
        <translation>Bindung nach 4 Wochen</translation>
    </message>
    <message>
        <source>Of the callers first seen in this window at least 5 weeks before %1 (the last day with calls), the share who called this model again in their 5th week: 28 to 34 days after their first call.</source>
        <translation>Von den Aufrufern, die in diesem Zeitraum mindestens 5 Wochen vor dem %1 (dem letzten Tag mit Aufrufen) erstmals auftraten, der Anteil, der dieses Modell in seiner 5. Woche erneut aufrief: 28 bis 34 Tage nach dem ersten Aufruf.</translation>
    </message>
    <message>
        <source>— (no calls in this window)</source>
        <translation>— (keine Aufrufe in diesem Zeitraum)</translation>
    </message>
    <message>
        <source>Busiest caller&apos;s share</source>
        <translation>Anteil des aktivsten Aufrufers</translation>
    </message>
    <message>
        <source>The share of this window&apos;s calls made by its busiest caller. Near 100%, one caller is all the usage.</source>
        <translation>Der Anteil der Aufrufe dieses Zeitraums, den der aktivste Aufrufer machte. Nahe 100 % ist ein einziger Aufrufer die ganze Nutzung.</translation>
    </message>
    <message>
        <source>Effective callers</source>
        <translation>Effektive Aufrufer</translation>
    </message>
    <message>
        <source>How many equally busy callers would spread the calls as evenly: ten callers with ten calls each give 10; one caller with nearly all the calls gives about 1.</source>
        <translation>Wie viele gleich aktive Aufrufer die Aufrufe ebenso gleichmäßig verteilen würden: zehn Aufrufer mit je zehn Aufrufen ergeben 10; ein Aufrufer mit fast allen Aufrufen ergibt etwa 1.</translation>
    </message>
    <message>
        <source>Callers making half the calls</source>
        <translation>Aufrufer mit der Hälfte der Aufrufe</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>The fewest callers whose calls add up to at least half of this window&apos;s calls, of all its callers.</source>
        <translation>Die wenigsten Aufrufer, deren Aufrufe zusammen mindestens die Hälfte der Aufrufe dieses Zeitraums ausmachen, von allen seinen Aufrufern.</translation>
    </message>
    <message>
        <source>Retention: no caller&apos;s 2nd week is over yet</source>
        <translation>Bindung: noch für keinen Aufrufer ist die 2. Woche vorbei</translation>
    </message>
    <message>
        <source>Retention by week after the first</source>
        <translation>Bindung je Woche nach der ersten</translation>
    </message>
    <message>
        <source>Callers per week, by state</source>
        <translation>Aufrufer pro Woche, nach Zustand</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <source>The callers first seen in the week, Monday to Sunday (UTC)</source>
        <translation>Die in der Woche (Montag bis Sonntag, UTC) erstmals gesehenen Aufrufer</translation>
    </message>
    <message>
        <source>Week %1 after the first: the share of the week&apos;s new callers who called again %2 to %3 days after their first call</source>
        <translation>Woche %1 nach der ersten: der Anteil der neuen Aufrufer der Woche, der %2 bis %3 Tage nach dem ersten Aufruf erneut aufrief</translation>
    </message>
    <message>
        <source>Callers first seen in the week of %1</source>
        <translation>In der Woche vom %1 erstmals gesehene Aufrufer</translation>
    </message>
    <message numerus="yes">
        <source>%Ln caller(s) first seen in the week of %1</source>
        <translation>
            <numerusform>%Ln Aufrufer, in der Woche vom %1 erstmals gesehen</numerusform>
            <numerusform>%Ln Aufrufer, in der Woche vom %1 erstmals gesehen</numerusform>
        </translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <source>Each week&apos;s callers: new, returning, resurrecting, and those who went dormant</source>
        <translation>Die Aufrufer jeder Woche: neue, wiederkehrende, reaktivierte und die, die ruhend wurden</translation>
    </message>
    <message>
        <source>fine-tune of %1</source>
        <translation>Feinabstimmung von %1</translation>
    </message>
    <message>
        <source>adapter of %1</source>
        <translation>Adapter für %1</translation>
    </message>
    <message>
        <source>quantisation of %1</source>
        <translation>Quantisierung von %1</translation>
    </message>
    <message>
        <source>merge of %1</source>
        <translation>Zusammenführung mit %1</translation>
    </message>
    <message>
        <source>%1 (not in the catalogue)</source>
        <translation>%1 (nicht im Katalog)</translation>
    </message>
    <message>
        <source>%1 → … (the chain comes back to a model already on it)</source>
        <translation>%1 → … (die Kette kehrt zu einem Modell zurück, das schon in ihr steht)</translation>
    </message>
    <message>
        <source>%1; also from %2</source>
        <translation>%1; außerdem aus %2</translation>
    </message>
    <message>
        <source>Derived from</source>
        <translation>Abgeleitet von</translation>
    </message>
    <message>
        <source>Derivatives</source>
        <translation>Ableitungen</translation>
    </message>
    <message>
        <source>%1 listed, %2 called, %3 kept a caller to week 4; %4 callers in all</source>
        <comment>models made from this one</comment>
        <translation>%1 gelistet, %2 aufgerufen, %3 hielten einen Aufrufer bis Woche 4; %4 Aufrufer insgesamt</translation>
    </message>
</context>
<context>
    <name>uptake::EvidenceFilters</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>%</source>
        <comment>suffix of a percentage in a spin box</comment>
        <translation> %</translation>
    </message>
    <message>
        <source>Only models that kept at least this share of their callers to week 4: of the callers first seen at least 5 weeks before the last day with calls, the share who called again 28 to 34 days after their first call. Models with no such callers are left out.</source>
        <translation>Nur Modelle, die mindestens diesen Anteil ihrer Aufrufer bis Woche 4 hielten: von den Aufrufern, die mindestens 5 Wochen vor dem letzten Tag mit Aufrufen zuerst kamen, der Anteil, der 28 bis 34 Tage nach dem ersten Aufruf wieder aufrief. Modelle ohne solche Aufrufer fallen heraus.</translation>
    </message>
    <message>
        <source>Only models whose busiest caller made at most this share of the calls: leaves out models kept alive by one caller.</source>
        <translation>Nur Modelle, deren aktivster Aufrufer höchstens diesen Anteil der Aufrufe machte: lässt Modelle weg, die ein einziger Aufrufer am Leben hält.</translation>
    </message>
    <message>
        <source>Only models whose usage amounts to at least this many equally busy callers: ten callers with ten calls each count 10, one caller with nearly all the calls about 1.</source>
        <translation>Nur Modelle, deren Nutzung mindestens so vielen gleich aktiven Aufrufern entspricht: zehn Aufrufer mit je zehn Aufrufen zählen 10, ein Aufrufer mit fast allen Aufrufen etwa 1.</translation>
    </message>
    <message>
        <source>Min. week-4</source>
        <translation>Min. Woche 4</translation>
    </message>
    <message>
        <source>Min. effective</source>
        <translation>Min. effektiv</translation>
    </message>
    <message>
        <source>Max. top caller</source>
        <translation>Max. aktivster</translation>
    </message>
</context>
<context>
    <name>uptake::FilterPanel</name>
    <message>
        <source>id, author, task, tags</source>
        <translation>ID, Autor, Aufgabe, Tags</translation>
    </message>
    <message>
        <source>any task</source>
        <translation>alle Aufgaben</translation>
    </message>
    <message>
        <source>any author</source>
        <translation>alle Autoren</translation>
    </message>
    <message>
        <source>any licence</source>
        <translation>alle Lizenzen</translation>
    </message>
    <message>
        <source>any framework</source>
        <translation>alle Frameworks</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <source>Never called</source>
        <translation>Nie aufgerufen</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Aufgerufen</translation>
    </message>
    <message>
        <source>Has repeat callers</source>
        <translation>Mit wiederkehrenden Aufrufern</translation>
    </message>
    <message>
        <source>Unlisted (usage only)</source>
        <translation>Nicht gelistet (nur Nutzung)</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alle zurücksetzen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Min. calls</source>
        <translation>Min. Aufrufe</translation>
    </message>
    <message>
        <source>Min. repeat</source>
        <translation>Min. Rückkehr</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Listed between</source>
        <translation>Gelistet zwischen</translation>
    </message>
    <message>
        <source>Usage window (UTC days)</source>
        <translation>Nutzungszeitraum (UTC-Tage)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ matching model(s)…</source>
        <translation>
            <numerusform>%Ln+ passendes Modell…</numerusform>
            <numerusform>%Ln+ passende Modelle…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matching model(s)</source>
        <translation>
            <numerusform>%Ln passendes Modell</numerusform>
            <numerusform>%Ln passende Modelle</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage window period</source>
        <translation>Zeitraum der Nutzung</translation>
    </message>
    <message>
        <source>Set Since and Until to a common period. Periods end on the last day with usage data, or today when there is none.</source>
        <translation>Setzt Seit und Bis auf einen üblichen Zeitraum. Zeiträume enden am letzten Tag mit Nutzungsdaten, oder heute, wenn es keine gibt.</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Usage data from %1 to %2</source>
        <translation>Nutzungsdaten vom %1 bis %2</translation>
    </message>
    <message>
        <source>No usage data: periods end today, %1 (UTC)</source>
        <translation>Keine Nutzungsdaten: Zeiträume enden heute, %1 (UTC)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Type a date as year-month-day, or open the calendar with Alt+Down. Select all and press Delete to remove the limit.</source>
        <translation>Geben Sie ein Datum als Jahr-Monat-Tag ein oder öffnen Sie den Kalender mit Alt+Unten. Alles markieren und Entf drücken hebt die Grenze auf.</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigener</translation>
    </message>
    <message>
        <source>Callers who stay</source>
        <translation>Aufrufer, die bleiben</translation>
    </message>
    <message>
        <source>Demand evidence, in the usage window when there is one: do callers come back, and is the usage spread over many of them?</source>
        <translation>Belege für Nachfrage, im Nutzungszeitraum, wenn einer gesetzt ist: Kommen Aufrufer wieder, und verteilt sich die Nutzung auf viele?</translation>
    </message>
    <message>
        <source>Size and access</source>
        <translation>Größe und Zugang</translation>
    </message>
    <message>
        <source>What the registry lists about the model itself: its size in parameters, and whether its files are gated.</source>
        <translation>Was das Verzeichnis über das Modell selbst angibt: seine Größe in Parametern und ob seine Dateien zugangsbeschränkt sind.</translation>
    </message>
</context>
<context>
    <name>uptake::HelpDialog</name>
    <message>
        <source>Uptake User Guide</source>
        <translation>Uptake-Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>uptake::ImportResultDialog</name>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>Copy Rejected Rows</source>
        <translation>Abgelehnte Zeilen kopieren</translation>
    </message>
    <message>
        <source>Rejected rows (the rest of each file was imported):</source>
        <translation>Abgelehnte Zeilen (der Rest jeder Datei wurde importiert):</translation>
    </message>
    <message numerus="yes">
        <source>… and %1 more rejected row(s)</source>
        <translation>
            <numerusform>… und %1 weitere abgelehnte Zeile</numerusform>
            <numerusform>… und %1 weitere abgelehnte Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uptake::MainWindow</name>
    <message>
        <source>Query failed: %1</source>
        <translation>Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Hide this note</source>
        <translation>Diesen Hinweis ausblenden</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Selected model</source>
        <translation>Ausgewähltes Modell</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Import &amp;Catalogue…</source>
        <translation>&amp;Katalog importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import &amp;Usage…</source>
        <translation>&amp;Nutzung importieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>&amp;Export Snapshot…</source>
        <translation>Schnappschuss &amp;exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Write every row of the current filter and sort to CSV</source>
        <translation>Alle Zeilen mit aktuellem Filter und Sortierung als CSV schreiben</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Uptake</source>
        <translation>&amp;Über Uptake</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>No cache open</source>
        <translation>Kein Cache geöffnet</translation>
    </message>
    <message>
        <source>The cache could not be opened.</source>
        <translation>Der Cache konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Building demo data…</source>
        <translation>Demodaten werden erstellt…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>The demo data could not be built: %1</source>
        <translation>Die Demodaten konnten nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>listed %1 · called %2 · never called %3 · Gini %4 · top 1% of models: %5 of calls</source>
        <translation>gelistet %1 · aufgerufen %2 · nie aufgerufen %3 · Gini %4 · Top 1% der Modelle: %5 der Aufrufe</translation>
    </message>
    <message>
        <source>About Uptake</source>
        <translation>Über Uptake</translation>
    </message>
    <message>
        <source>Uptake %1</source>
        <translation>Uptake %1</translation>
    </message>
    <message>
        <source>Each model&apos;s listing next to its observed usage.

Qt %1 (built with %2)
SQLite %3

Cache: %4%5</source>
        <translation>Der Eintrag jedes Modells neben seiner beobachteten Nutzung.

Qt %1 (erstellt mit %2)
SQLite %3

Cache: %4%5</translation>
    </message>
    <message>
        <source> (demo data)</source>
        <translation> (Demodaten)</translation>
    </message>
    <message>
        <source>Import into the demo cache?</source>
        <translation>In den Demo-Cache importieren?</translation>
    </message>
    <message>
        <source>Import Catalogue</source>
        <translation>Katalog importieren</translation>
    </message>
    <message>
        <source>Import Usage</source>
        <translation>Nutzung importieren</translation>
    </message>
    <message>
        <source>Catalogues (*.json *.jsonl *.ndjson *.csv);;All files (*)</source>
        <translation>Kataloge (*.json *.jsonl *.ndjson *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Usage logs (*.csv *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>Nutzungsprotokolle (*.csv *.jsonl *.ndjson *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importing catalogue</source>
        <translation>Katalog wird importiert</translation>
    </message>
    <message>
        <source>Importing usage</source>
        <translation>Nutzung wird importiert</translation>
    </message>
    <message>
        <source>Importing %1 (file %2 of %3)</source>
        <translation>%1 wird importiert (Datei %2 von %3)</translation>
    </message>
    <message>
        <source>%1 (nothing imported)</source>
        <translation>%1 (nichts importiert)</translation>
    </message>
    <message>
        <source>%1: %2 (nothing imported)</source>
        <translation>%1: %2 (nichts importiert)</translation>
    </message>
    <message>
        <source>Cancelled: the file being imported was left out entirely.</source>
        <translation>Abgebrochen: Die gerade importierte Datei wurde vollständig ausgelassen.</translation>
    </message>
    <message>
        <source>Import stopped: %1</source>
        <translation>Import abgebrochen: %1</translation>
    </message>
    <message>
        <source>Export Snapshot</source>
        <translation>Schnappschuss exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exporting snapshot</source>
        <translation>Schnappschuss wird exportiert</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 is being written by another Uptake; waiting for it to finish…</source>
        <translation>%1 wird gerade von einem anderen Uptake geschrieben; warte, bis es fertig ist…</translation>
    </message>
    <message>
        <source>This cache cannot be opened</source>
        <translation>Dieser Cache lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Uptake has left the file as it is. You can open another cache, or start a fresh one in a new file and import your data into it.</source>
        <translation>Uptake hat die Datei unverändert gelassen. Sie können einen anderen Cache öffnen oder einen neuen in einer neuen Datei anlegen und Ihre Daten dorthin importieren.</translation>
    </message>
    <message>
        <source>Open Another Cache…</source>
        <translation>Anderen Cache öffnen…</translation>
    </message>
    <message>
        <source>Start a Fresh Cache…</source>
        <translation>Neuen Cache anlegen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;New Cache…</source>
        <translation>Neuer &amp;Cache…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Start an empty cache in a new file, for your own catalogue and usage</source>
        <translation>Einen leeren Cache in einer neuen Datei anlegen, für Ihren eigenen Katalog und Ihre Nutzungsdaten</translation>
    </message>
    <message>
        <source>&amp;Open Cache…</source>
        <translation>Cache ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Export C&amp;hart…</source>
        <translation>&amp;Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>C&amp;atalogue</source>
        <translation>&amp;Katalog</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Registry</source>
        <translation>&amp;Registry</translation>
    </message>
    <message>
        <source>&amp;Sync…</source>
        <translation>&amp;Synchronisieren …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <source>Fetch the listing of a registry over HTTP and keep it as a dated snapshot</source>
        <translation>Die Liste einer Registry über HTTP abrufen und als datierten Snapshot behalten</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Stop the running job?</source>
        <translation>Laufenden Vorgang abbrechen?</translation>
    </message>
    <message>
        <source>An import or export is still running. Stopping it leaves the file being imported out entirely (an export writes nothing).</source>
        <translation>Ein Import oder Export läuft noch. Wird er abgebrochen, bleibt die gerade importierte Datei vollständig außen vor (ein Export schreibt nichts).</translation>
    </message>
    <message>
        <source>Stop It</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Keep Working</source>
        <translation>Weiterarbeiten</translation>
    </message>
    <message>
        <source>This cache is empty. Fill it with File &gt; Import Catalogue (%1) and File &gt; Import Usage (%2).</source>
        <translation>Dieser Cache ist leer. Füllen Sie ihn mit Datei &gt; Katalog importieren (%1) und Datei &gt; Nutzung importieren (%2).</translation>
    </message>
    <message>
        <source>%1 (demo data)</source>
        <translation>%1 (Demodaten)</translation>
    </message>
    <message>
        <source>%1 (not opened)</source>
        <translation>%1 (nicht geöffnet)</translation>
    </message>
    <message>
        <source>%1 — Uptake</source>
        <translation>%1 — Uptake</translation>
    </message>
    <message>
        <source>Open Cache</source>
        <translation>Cache öffnen</translation>
    </message>
    <message>
        <source>Uptake caches (*.sqlite *.db);;All files (*)</source>
        <translation>Uptake-Caches (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New Cache</source>
        <translation>Neuer Cache</translation>
    </message>
    <message>
        <source>Uptake caches (*.sqlite);;All files (*)</source>
        <translation>Uptake-Caches (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 does not exist (any more).</source>
        <translation>%1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>%1 already exists. A new cache needs a new file name; to open an existing cache, use File &gt; Open Cache.</source>
        <translation>%1 existiert bereits. Ein neuer Cache braucht einen neuen Dateinamen; einen vorhandenen Cache öffnen Sie mit Datei &gt; Cache öffnen.</translation>
    </message>
    <message>
        <source>&amp;%1 %2  (%3)</source>
        <translation>&amp;%1 %2  (%3)</translation>
    </message>
    <message>
        <source>No recent caches</source>
        <translation>Keine zuletzt geöffneten Caches</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>This cache is empty: building a demo registry (%1, %2) so that there is something to look at…</source>
        <translation>Dieser Cache ist leer: Es wird eine Demo-Registry erstellt (%1, %2), damit es etwas zu sehen gibt…</translation>
    </message>
    <message numerus="yes">
        <source>%1 model(s)</source>
        <translation>
            <numerusform>%1 Modell</numerusform>
            <numerusform>%1 Modelle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 call(s)</source>
        <translation>
            <numerusform>%1 Aufruf</numerusform>
            <numerusform>%1 Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo data: a made-up registry with made-up usage. To see your own, keep it in a cache of its own: File &gt; New Cache, then File &gt; Import Catalogue and Import Usage (or uptake --cache mine.sqlite import catalogue FILE on the command line).</source>
        <translation>Demodaten: eine erfundene Registry mit erfundener Nutzung. Um Ihre eigenen Daten zu sehen, legen Sie sie in einem eigenen Cache ab: Datei &gt; Neuer Cache, dann Datei &gt; Katalog importieren und Nutzung importieren (oder auf der Kommandozeile uptake --cache meins.sqlite import catalogue DATEI).</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>status bar: models, calls</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>This cache holds demo data, and your data would be mixed with it. To keep them apart, make a cache of your own with File &gt; New Cache and import there.

Import into the demo cache anyway?</source>
        <translation>Dieser Cache enthält Demodaten, und Ihre Daten würden damit vermischt. Um sie getrennt zu halten, legen Sie mit Datei &gt; Neuer Cache einen eigenen Cache an und importieren dorthin.

Trotzdem in den Demo-Cache importieren?</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 row(s) to %2 (and %2.json)</source>
        <translation>
            <numerusform>%1 Zeile nach %2 exportiert (und %2.json)</numerusform>
            <numerusform>%1 Zeilen nach %2 exportiert (und %2.json)</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1 into the cache: figures and indexes…</source>
        <translation>%1 wird in den Cache geschrieben: Kennzahlen und Indizes …</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>The selected rows as tab-separated text with a header line, for a spreadsheet</source>
        <translation>Die gewählten Zeilen als tabulatorgetrennter Text mit Kopfzeile, für eine Tabellenkalkulation</translation>
    </message>
    <message>
        <source>%1 rows are selected; Copy takes at most %2. File &gt; Export Snapshot writes any number.</source>
        <translation>%1 Zeilen sind gewählt; Kopieren nimmt höchstens %2. Datei &gt; Snapshot exportieren schreibt beliebig viele.</translation>
    </message>
    <message>
        <source>Loading the selected rows to copy them…</source>
        <translation>Die gewählten Zeilen werden zum Kopieren geladen …</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>%Ln Zeile kopiert.</numerusform>
            <numerusform>%Ln Zeilen kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy Model &amp;Id</source>
        <translation>Modell-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Only Models by %1</source>
        <translation>Nur Modelle von %1</translation>
    </message>
    <message>
        <source>Only %1 Models</source>
        <translation>Nur Modelle der Aufgabe %1</translation>
    </message>
    <message>
        <source>Writing the demo&apos;s usage…</source>
        <translation>Die Nutzung der Demo wird geschrieben…</translation>
    </message>
    <message>
        <source>The demo registry&apos;s listings are in; writing its usage (%1) so that there are calls to look at…</source>
        <translation>Die Einträge der Demo-Registry sind da; ihre Nutzung (%1) wird geschrieben, damit es Aufrufe zu sehen gibt…</translation>
    </message>
</context>
<context>
    <name>uptake::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The cache used last</source>
        <translation>Den zuletzt verwendeten Cache</translation>
    </message>
    <message>
        <source>The default cache</source>
        <translation>Den Standard-Cache</translation>
    </message>
    <message>
        <source>Restore the last filters and usage window</source>
        <translation>Die letzten Filter und den Nutzungszeitraum wiederherstellen</translation>
    </message>
    <message>
        <source>Takes effect the next time Uptake starts.</source>
        <translation>Wirkt ab dem nächsten Start von Uptake.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>On start, open:</source>
        <translation>Beim Start öffnen:</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Default cache:</source>
        <translation>Standard-Cache:</translation>
    </message>
    <message>
        <source>uptake --cache FILE always opens FILE.</source>
        <translation>uptake --cache DATEI öffnet immer DATEI.</translation>
    </message>
</context>
<context>
    <name>uptake::SupplyFilters</name>
    <message>
        <source>any, e.g. 7B</source>
        <translation>beliebig, z. B. 7B</translation>
    </message>
    <message>
        <source>Only models with at least this many parameters: a number, or with K, M, B or T (7B is 7 billion). Models whose registry gives no size are left out.</source>
        <translation>Nur Modelle mit mindestens so vielen Parametern: eine Zahl, oder mit K, M, B oder T (7B sind 7 Milliarden). Modelle ohne Größenangabe im Verzeichnis fallen heraus.</translation>
    </message>
    <message>
        <source>Only models with at most this many parameters: a number, or with K, M, B or T (350M is 350 million). Models whose registry gives no size are left out.</source>
        <translation>Nur Modelle mit höchstens so vielen Parametern: eine Zahl, oder mit K, M, B oder T (350M sind 350 Millionen). Modelle ohne Größenangabe im Verzeichnis fallen heraus.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>gated only</source>
        <translation>nur beschränkte</translation>
    </message>
    <message>
        <source>open only</source>
        <translation>nur offene</translation>
    </message>
    <message>
        <source>Gated models need the author&apos;s consent before their files can be downloaded. Models whose registry does not say are left out of either choice.</source>
        <translation>Bei beschränkten Modellen muss der Autor zustimmen, bevor die Dateien heruntergeladen werden können. Modelle, zu denen das Verzeichnis nichts sagt, fallen bei beiden Auswahlen heraus.</translation>
    </message>
    <message>
        <source>Min. parameters</source>
        <translation>Min. Parameter</translation>
    </message>
    <message>
        <source>Max. parameters</source>
        <translation>Max. Parameter</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugang</translation>
    </message>
</context>
<context>
    <name>uptake::SyncDialog</name>
    <message>
        <source>Sync from a Registry</source>
        <translation>Aus einer Registry synchronisieren</translation>
    </message>
    <message>
        <source>Detect from the address</source>
        <translation>An der Adresse erkennen</translation>
    </message>
    <message>
        <source>Hugging Face Hub</source>
        <translation>Hugging Face Hub</translation>
    </message>
    <message>
        <source>OpenGradient Model Hub</source>
        <translation>OpenGradient Model Hub</translation>
    </message>
    <message>
        <source>all models</source>
        <translation>alle Modelle</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>from UPTAKE_TOKEN</source>
        <translation>aus UPTAKE_TOKEN</translation>
    </message>
    <message>
        <source>Sent to this registry as a bearer token; never saved, never logged.</source>
        <translation>Wird dieser Registry als Bearer-Token gesendet; nie gespeichert, nie protokolliert.</translation>
    </message>
    <message>
        <source>Registry &amp;address:</source>
        <translation>Registry-&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Stop after:</source>
        <translation>&amp;Aufhören nach:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>Zugriffs&amp;token:</translation>
    </message>
    <message>
        <source>Each page is saved as it arrives: a sync that stops keeps what it got, and the next sync of the same address carries on from there. Downloads and likes are kept per sync, so the detail pane can show them over time.</source>
        <translation>Jede Seite wird gespeichert, sobald sie ankommt: Eine abgebrochene Synchronisierung behält, was sie bekommen hat, und die nächste Synchronisierung derselben Adresse macht dort weiter. Downloads und Likes werden pro Synchronisierung aufbewahrt, damit die Detailansicht sie im Zeitverlauf zeigen kann.</translation>
    </message>
    <message>
        <source>Retries and waits show here.</source>
        <translation>Wiederholungen und Wartezeiten erscheinen hier.</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>“%1” is not a web address. Give the registry&apos;s address, for example https://huggingface.co.</source>
        <translation>„%1“ ist keine Webadresse. Geben Sie die Adresse der Registry an, zum Beispiel https://huggingface.co.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Cancelling after the current request…</source>
        <translation>Breche nach der laufenden Anfrage ab …</translation>
    </message>
    <message>
        <source>Syncing: pages so far %1, models %2</source>
        <translation>Synchronisiere: bisher Seiten %1, Modelle %2</translation>
    </message>
    <message>
        <source>Cancelled. The pages fetched so far are kept beside the cache; syncing again adds them and carries on from there.</source>
        <translation>Abgebrochen. Die bisher abgerufenen Seiten bleiben neben dem Cache erhalten; eine erneute Synchronisierung übernimmt sie und macht dort weiter.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Nothing changed on the registry since the last sync.</source>
        <translation>Seit der letzten Synchronisierung hat sich in der Registry nichts geändert.</translation>
    </message>
    <message>
        <source>Done: pages %1, models %2.</source>
        <translation>Fertig: Seiten %1, Modelle %2.</translation>
    </message>
    <message>
        <source>Carried on from an earlier sync that had stopped.</source>
        <translation>Hat eine früher abgebrochene Synchronisierung fortgesetzt.</translation>
    </message>
    <message>
        <source>Stopped early: %1</source>
        <translation>Vorzeitig beendet: %1</translation>
    </message>
    <message>
        <source>Uptake cannot tell which registry %1 is. Choose it in the Format list.</source>
        <translation>Uptake kann nicht erkennen, welche Registry %1 ist. Wählen Sie sie in der Liste „Format“.</translation>
    </message>
</context>
</TS>
