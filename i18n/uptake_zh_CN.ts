<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Columns</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>上架日期</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新日期</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本数</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载量</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞数</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Unique callers</source>
        <translation>独立调用方</translation>
    </message>
    <message>
        <source>Repeat callers</source>
        <translation>回访调用方</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>回访率</translation>
    </message>
    <message>
        <source>Verified calls</source>
        <translation>已验证调用</translation>
    </message>
    <message>
        <source>Fees paid</source>
        <translation>已付费用</translation>
    </message>
    <message>
        <source>First call</source>
        <translation>首次调用</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>最近调用</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>已上架</translation>
    </message>
    <message>
        <source>Failed calls</source>
        <translation>失败调用</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>活跃天数</translation>
    </message>
    <message>
        <source>Week-1 retention</source>
        <translation>第 1 周留存</translation>
    </message>
    <message>
        <source>Week-4 retention</source>
        <translation>第 4 周留存</translation>
    </message>
    <message>
        <source>Top caller share</source>
        <translation>最活跃调用方占比</translation>
    </message>
    <message>
        <source>Effective callers</source>
        <translation>有效调用方</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Base models</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <source>Total downloads</source>
        <translation>累计下载量</translation>
    </message>
    <message>
        <source>Trending score</source>
        <translation>热度分</translation>
    </message>
    <message>
        <source>Gated</source>
        <translation>受限访问</translation>
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
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1M</source>
        <comment>millions, short</comment>
        <translation>%1百万</translation>
    </message>
    <message>
        <source>%1k</source>
        <comment>thousands, short</comment>
        <translation>%1千</translation>
    </message>
    <message>
        <source>week after the first; n callers</source>
        <translation>首周后的第几周；n 个调用方</translation>
    </message>
    <message>
        <source>% came back</source>
        <translation>回来的 %</translation>
    </message>
    <message>
        <source>Week %1 after the first: %2 of %3 callers came back (%4)</source>
        <translation>首周后第 %1 周：%3 个调用方中有 %2 个回来（%4）</translation>
    </message>
    <message>
        <source>Of the callers first seen in this window, the share who called again in the k-th week after their first week. Below each week: n, the callers whose k-th week was over by the last day with calls; only they count.</source>
        <translation>在此时段内首次出现的调用方中，在首周之后第 k 周再次调用的比例。每周下方：n，即第 k 周在最后一个有调用的日子之前已结束的调用方；只计他们。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>returning</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>resurrecting</source>
        <translation>复活</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <source>(partial)</source>
        <translation>（未完）</translation>
    </message>
    <message>
        <source>callers</source>
        <translation>调用方</translation>
    </message>
    <message>
        <source>Callers per week (Monday to Sunday, UTC).
new: first call in this week.
returning: called in this week and in the week before.
resurrecting: called in this week, not in the week before, but earlier.
dormant (below the axis): called in the week before, not in this week.</source>
        <translation>每周调用方（周一至周日，UTC）。
新增：本周首次调用。
回访：本周和上周都有调用。
复活：本周有调用，上周没有，但更早有过。
休眠（轴线以下）：上周有调用，本周没有。</translation>
    </message>
    <message>
        <source>The last week, from %1, is not over: its bars are pale.</source>
        <translation>最后一周（自 %1 起）尚未结束：其柱形颜色较浅。</translation>
    </message>
    <message>
        <source>%1 of %2 callers first seen in the week of %3 came back in week %4 after it</source>
        <translation>在 %3 这一周首次出现的 %2 个调用方中，有 %1 个在其后第 %4 周回来</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 is not an Uptake cache (not an SQLite database, or damaged).</source>
        <translation>%1 不是 Uptake 缓存（不是 SQLite 数据库，或已损坏）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no such cache file.</source>
        <translation>%1：缓存文件不存在。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not an Uptake cache; it was left untouched.</source>
        <translation>%1 是其他程序的 SQLite 数据库，不是 Uptake 缓存；未对其做任何更改。</translation>
    </message>
    <message>
        <source>%1 was made by a newer Uptake (cache schema %2; this build reads up to %3). Update Uptake to open it.</source>
        <translation>%1 由更新版本的 Uptake 创建（缓存架构 %2；此版本最高可读取 %3）。请更新 Uptake 后再打开。</translation>
    </message>
    <message>
        <source>%1 needs an upgrade, which a read-only open cannot do.</source>
        <translation>%1 需要升级，而以只读方式打开时无法升级。</translation>
    </message>
    <message>
        <source>the cache has no caller secret</source>
        <translation>缓存中没有调用方密钥</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: cannot create: %2</source>
        <translation>%1：无法创建：%2</translation>
    </message>
    <message>
        <source>cannot use a temporary file in %1: %2</source>
        <translation>无法使用 %1 中的临时文件：%2</translation>
    </message>
    <message>
        <source>the cache&apos;s mark of an unfinished demo is damaged (%1)</source>
        <translation>缓存中未完成演示的标记已损坏（%1）</translation>
    </message>
</context>
<context>
    <name>TableCopy</name>
    <message>
        <source>Open on the Hugging Face Hub</source>
        <translation>在 Hugging Face Hub 上打开</translation>
    </message>
    <message>
        <source>Open on the OpenGradient Model Hub</source>
        <translation>在 OpenGradient Model Hub 上打开</translation>
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
        <translation>已上架</translation>
    </message>
    <message>
        <source>unlisted</source>
        <translation>未上架</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>%1  [unlisted]</source>
        <translation>%1  [未上架]</translation>
    </message>
    <message>
        <source>%1 has usage but is not in any imported catalogue.</source>
        <translation>%1 有使用记录，但不在任何已导入的目录中。</translation>
    </message>
    <message>
        <source>%1 (known to the day only: from a usage roll-up)</source>
        <translation>%1（仅精确到日期：来自用量汇总）</translation>
    </message>
    <message>
        <source>Counting the callers of this usage window…</source>
        <translation>正在统计此用量时间窗口的调用者…</translation>
    </message>
    <message>
        <source>The model&apos;s id in its registry: author/name.</source>
        <translation>模型在其注册中心的 ID：作者/名称。</translation>
    </message>
    <message>
        <source>Who published the model.</source>
        <translation>发布该模型的作者。</translation>
    </message>
    <message>
        <source>What the model does, as its registry files it.</source>
        <translation>模型的用途，按其注册中心的分类。</translation>
    </message>
    <message>
        <source>The day the model was first listed (UTC).</source>
        <translation>模型首次上架的日期（UTC）。</translation>
    </message>
    <message>
        <source>How many versions the registry lists.</source>
        <translation>注册中心列出的版本数。</translation>
    </message>
    <message>
        <source>Inference calls in the usage window, failed ones included; an event id counts once.</source>
        <translation>使用时间窗口内的推理调用次数，含失败调用；同一事件 ID 只计一次。</translation>
    </message>
    <message>
        <source>Distinct callers (wallets or user ids) in the usage window.</source>
        <translation>使用时间窗口内不同的调用方（钱包或用户 ID）。</translation>
    </message>
    <message>
        <source>Callers who called this model on two or more different UTC days in the usage window.</source>
        <translation>在使用时间窗口内于两个或更多不同 UTC 日调用过该模型的调用方。</translation>
    </message>
    <message>
        <source>Repeat callers as a share of unique callers.</source>
        <translation>回访调用方占独立调用方的比例。</translation>
    </message>
    <message>
        <source>Calls verified by a TEE or a ZKML proof.</source>
        <translation>经 TEE 或 ZKML 证明验证的调用。</translation>
    </message>
    <message>
        <source>Fees paid for the calls, in OPG, summed exactly.</source>
        <translation>为调用支付的费用（OPG），精确求和。</translation>
    </message>
    <message>
        <source>The first call in the usage window (UTC).</source>
        <translation>使用时间窗口内的首次调用（UTC）。</translation>
    </message>
    <message>
        <source>The last call in the usage window (UTC).</source>
        <translation>使用时间窗口内的最后一次调用（UTC）。</translation>
    </message>
    <message>
        <source>Whether a catalogue lists the model; unlisted: seen only in usage.</source>
        <translation>是否有目录列出该模型；未上架：仅在使用记录中出现。</translation>
    </message>
    <message>
        <source>The model&apos;s name, without its author.</source>
        <translation>模型名称，不含作者。</translation>
    </message>
    <message>
        <source>The library or file format the model is for.</source>
        <translation>模型所用的库或文件格式。</translation>
    </message>
    <message>
        <source>The licence the model is published under.</source>
        <translation>模型发布所用的许可证。</translation>
    </message>
    <message>
        <source>The registry&apos;s tags for the model.</source>
        <translation>注册中心为该模型设置的标签。</translation>
    </message>
    <message>
        <source>When the registry last saw the model change (UTC).</source>
        <translation>注册中心最近一次记录到模型变更的时间（UTC）。</translation>
    </message>
    <message>
        <source>Files in the model&apos;s newest version.</source>
        <translation>模型最新版本中的文件数。</translation>
    </message>
    <message>
        <source>Downloads as the registry reports them (not calls).</source>
        <translation>注册中心报告的下载量（不是调用）。</translation>
    </message>
    <message>
        <source>Likes as the registry reports them.</source>
        <translation>注册中心报告的点赞数。</translation>
    </message>
    <message>
        <source>Of the calls, those that ended in an error.</source>
        <translation>调用中以错误结束的次数。</translation>
    </message>
    <message>
        <source>UTC days with at least one call in the usage window.</source>
        <translation>使用时间窗口内至少有一次调用的 UTC 日数。</translation>
    </message>
    <message>
        <source>CSV column: %1</source>
        <translation>CSV 列：%1</translation>
    </message>
    <message>
        <source>Of the callers first seen (in the usage window) at least 2 weeks before the last day with calls, the share who called again in their 2nd week: 7 to 13 days after their first call. Empty where no caller is that old yet.</source>
        <translation>在最后一个有调用的日期之前至少 2 周（在使用时间段内）首次出现的调用方中，在其第 2 周（首次调用后第 7 至 13 天）再次调用的比例。尚无调用方满足此条件时为空。</translation>
    </message>
    <message>
        <source>Of the callers first seen (in the usage window) at least 5 weeks before the last day with calls, the share who called again in their 5th week: 28 to 34 days after their first call. Empty where no caller is that old yet.</source>
        <translation>在最后一个有调用的日期之前至少 5 周（在使用时间段内）首次出现的调用方中，在其第 5 周（首次调用后第 28 至 34 天）再次调用的比例。尚无调用方满足此条件时为空。</translation>
    </message>
    <message>
        <source>The share of the calls made by the busiest caller. Near 100%, one caller is all the usage.</source>
        <translation>最活跃调用方所占的调用比例。接近 100% 时，全部使用来自一个调用方。</translation>
    </message>
    <message>
        <source>How many equally busy callers the usage amounts to: ten callers with ten calls each give 10; one caller with nearly all the calls gives about 1.</source>
        <translation>这些使用相当于多少个同样活跃的调用方：十个调用方各调用十次为 10；一个调用方几乎包揽全部调用时约为 1。</translation>
    </message>
    <message>
        <source>%1T</source>
        <comment>trillions of parameters</comment>
        <translation>%1万亿</translation>
    </message>
    <message>
        <source>%1B</source>
        <comment>billions of parameters</comment>
        <translation>%1B</translation>
    </message>
    <message>
        <source>%1M</source>
        <comment>millions of parameters</comment>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1K</source>
        <comment>thousands of parameters</comment>
        <translation>%1K</translation>
    </message>
    <message>
        <source>gated</source>
        <comment>access to the model needs the author&apos;s consent</comment>
        <translation>受限</translation>
    </message>
    <message>
        <source>open</source>
        <comment>anyone can download the model</comment>
        <translation>开放</translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation>%1 个参数</translation>
    </message>
    <message>
        <source>The model&apos;s size in parameters, as its registry counts them (its safetensors files, else the listing&apos;s figure).</source>
        <translation>模型的参数量，按其注册表的统计（取自 safetensors 文件，否则取列表中的数字）。</translation>
    </message>
    <message>
        <source>The models this one was made from (fine-tuned, adapted, quantised, merged), as its card or registry names them.</source>
        <translation>此模型所基于的模型（微调、适配、量化、合并），按其模型卡或注册表的记载。</translation>
    </message>
    <message>
        <source>Gated: the author must grant access before the files can be downloaded. Open: anyone can.</source>
        <translation>受限：作者授权后才能下载文件。开放：任何人都可以下载。</translation>
    </message>
    <message>
        <source>Downloads since the model was listed, as the registry reports them (not calls).</source>
        <translation>自模型上架以来的下载量，按注册表的报告（不是调用）。</translation>
    </message>
    <message>
        <source>The registry&apos;s own trending score: how much attention the model is getting lately.</source>
        <translation>注册表自己的热度分：模型近期受到多少关注。</translation>
    </message>
</context>
<context>
    <name>uptake::DashboardChartView</name>
    <message>
        <source>Supply vs demand by task</source>
        <translation>各任务的供给与需求</translation>
    </message>
    <message>
        <source>Supply and usage over time</source>
        <translation>供给与使用随时间的变化</translation>
    </message>
    <message>
        <source>The loop: from listing to repeat use</source>
        <translation>闭环：从上架到重复使用</translation>
    </message>
    <message>
        <source>Top models by calls, with their repeat rate</source>
        <translation>调用最多的模型及其回访率</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>No model matches the current filter. Widen the filter to see this chart.</source>
        <translation>没有模型符合当前筛选条件。放宽筛选条件即可查看此图表。</translation>
    </message>
    <message>
        <source>No usage imported yet. Import a usage file (uptake import usage FILE) to compare what is listed with what is used.</source>
        <translation>尚未导入使用数据。请导入使用数据文件（uptake import usage FILE），以比较已上架的模型与实际使用的模型。</translation>
    </message>
    <message>
        <source>The %1 models of this view have no calls in the selected usage window.</source>
        <translation>此视图中的 %1 个模型在所选使用时间窗口内没有调用。</translation>
    </message>
    <message>
        <source>This view holds no listed models, only models seen in usage.</source>
        <translation>此视图不含已上架模型，只有在使用数据中出现的模型。</translation>
    </message>
    <message>
        <source>The listed models of this view have no calls in the selected usage window.</source>
        <translation>此视图中的已上架模型在所选使用时间窗口内没有调用。</translation>
    </message>
    <message>
        <source>No calls in the selected usage window.</source>
        <translation>所选使用时间窗口内没有调用。</translation>
    </message>
    <message>
        <source>No model of this view was called in the selected usage window.</source>
        <translation>此视图中没有模型在所选使用时间窗口内被调用。</translation>
    </message>
    <message>
        <source>Other (%1 tasks)</source>
        <translation>其他（%1 个任务）</translation>
    </message>
    <message>
        <source>(no task)</source>
        <translation>（无任务）</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Share of the view&apos;s total (%)</source>
        <translation>占视图总量的比例（%）</translation>
    </message>
    <message>
        <source>Other tasks</source>
        <translation>其他任务</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Listed models: %2 (%3)&lt;br&gt;Calls: %4 (%5)&lt;br&gt;Repeat callers: %6 (%7), counted per model%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;已上架模型：%2（%3）&lt;br&gt;调用：%4（%5）&lt;br&gt;回访调用方：%6（%7），按模型分别计数%8</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;Click to filter the table&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;点击以筛选表格&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Lorenz curve</source>
        <translation>洛伦兹曲线</translation>
    </message>
    <message>
        <source>Equal use</source>
        <translation>完全均等</translation>
    </message>
    <message>
        <source>Top 1% / 10%</source>
        <translation>前 1% / 10%</translation>
    </message>
    <message>
        <source>Their calls (cumulative %)</source>
        <translation>其调用（累计 %）</translation>
    </message>
    <message>
        <source>The %1 of listed models with the fewest calls take %2 of all calls</source>
        <translation>调用最少的 %1 已上架模型占全部调用的 %2</translation>
    </message>
    <message>
        <source>The top 1% of listed models take %1 of calls</source>
        <translation>前 1% 的已上架模型占调用的 %1</translation>
    </message>
    <message>
        <source>The top 10% of listed models take %1 of calls</source>
        <translation>前 10% 的已上架模型占调用的 %1</translation>
    </message>
    <message>
        <source>, per week</source>
        <translation>，每周</translation>
    </message>
    <message>
        <source>, per %1 weeks</source>
        <translation>，每%1周</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Active callers</source>
        <translation>活跃调用方</translation>
    </message>
    <message>
        <source>Models listed (right axis)</source>
        <translation>已上架模型（右轴）</translation>
    </message>
    <message>
        <source>Week starting (Monday, UTC)</source>
        <translation>周起始日（周一，UTC）</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1周</translation>
    </message>
    <message>
        <source>Calls, callers per %1 (log)</source>
        <translation>每%1调用、调用方（对数）</translation>
    </message>
    <message>
        <source>Calls, callers per %1</source>
        <translation>每%1调用、调用方</translation>
    </message>
    <message>
        <source>Models listed (cumulative)</source>
        <translation>已上架模型（累计）</translation>
    </message>
    <message>
        <source>period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>&lt;br&gt;(%1 listed models without a listing date not counted)</source>
        <translation>&lt;br&gt;（%1 个无上架日期的已上架模型未计入）</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>调用方</translation>
    </message>
    <message>
        <source>Models listed</source>
        <translation>已上架模型</translation>
    </message>
    <message>
        <source>% of the first step</source>
        <translation>占第一步的 %</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 个%3%4</translation>
    </message>
    <message>
        <source>models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>callers</source>
        <translation>调用方</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 of the step before</source>
        <translation>&lt;br&gt;占上一步的 %1</translation>
    </message>
    <message>
        <source>%1  (%2 of previous)</source>
        <translation>%1  （上一步的 %2）</translation>
    </message>
    <message>
        <source>Calls (bottom axis)</source>
        <translation>调用（下轴）</translation>
    </message>
    <message>
        <source>Repeat rate (% of callers, top axis)</source>
        <translation>回访率（占调用方 %，上轴）</translation>
    </message>
    <message>
        <source>Calls in the usage window</source>
        <translation>使用时间窗口内的调用</translation>
    </message>
    <message>
        <source>Repeat rate (% of callers)</source>
        <translation>回访率（占调用方 %）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;%2&lt;br&gt;Calls: %3&lt;br&gt;Unique callers: %4&lt;br&gt;Repeat callers: %5&lt;br&gt;Repeat rate: %6&lt;br&gt;&lt;i&gt;Click to show it in the table&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;%2&lt;br&gt;调用：%3&lt;br&gt;独立调用方：%4&lt;br&gt;回访调用方：%5&lt;br&gt;回访率：%6&lt;br&gt;&lt;i&gt;点击以在表格中显示&lt;/i&gt;</translation>
    </message>
    <message>
        <source> (unlisted)</source>
        <translation> (未上架)</translation>
    </message>
    <message>
        <source>none (no callers)</source>
        <translation>无（没有调用方）</translation>
    </message>
    <message>
        <source>%1: the file name must end in .png or .svg</source>
        <translation>%1：文件名必须以 .png 或 .svg 结尾</translation>
    </message>
    <message>
        <source>a chart needs at least 200x150 pixels</source>
        <translation>图表至少需要 200x150 像素</translation>
    </message>
    <message>
        <source>Made by Uptake</source>
        <translation>由 Uptake 生成</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1：无法写入文件</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
    <message>
        <source>Concentration of calls</source>
        <translation>调用集中度</translation>
    </message>
    <message>
        <source>Listed models, fewest calls first (%)</source>
        <translation>已上架模型，调用最少者在前 (%)</translation>
    </message>
    <message>
        <source>%1 models, %2 calls
Gini: %3
Never called: %4
Top 1% take %5 of calls
Top 10% take %6</source>
        <translation>%1 个模型，%2 次调用
Gini：%3
从未调用：%4
前 1% 占调用的 %5
前 10% 占 %6</translation>
    </message>
    <message>
        <source>equal use</source>
        <translation>均匀使用</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>已上架</translation>
    </message>
    <message>
        <source>Called at least once</source>
        <translation>至少被调用一次</translation>
    </message>
    <message>
        <source>…with verified calls</source>
        <translation>…有已验证调用</translation>
    </message>
    <message>
        <source>…and paid for</source>
        <translation>…且已付费</translation>
    </message>
    <message>
        <source>…kept a repeat caller</source>
        <translation>…留住了回访调用方</translation>
    </message>
    <message>
        <source>…made a verified call</source>
        <translation>…发起过已验证调用</translation>
    </message>
    <message>
        <source>…and paid a fee</source>
        <translation>…且支付了费用</translation>
    </message>
    <message>
        <source>…came back another day</source>
        <translation>…在另一天再次调用</translation>
    </message>
    <message>
        <source>Callers, each counted once</source>
        <translation>调用方（各计一次）</translation>
    </message>
    <message>
        <source>Listed models</source>
        <translation>已上架模型</translation>
    </message>
    <message>
        <source>Repeat callers, summed per model</source>
        <translation>回访调用方（按模型相加）</translation>
    </message>
    <message>
        <source>Came back</source>
        <translation>再次调用</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 to %2&lt;/b&gt;&lt;br&gt;Calls: %3&lt;br&gt;Active callers: %4&lt;br&gt;Came back (seen in an earlier %5): %6&lt;br&gt;Models listed by then: %7</source>
        <translation>&lt;b&gt;%1 至 %2&lt;/b&gt;&lt;br&gt;调用：%3&lt;br&gt;活跃调用方：%4&lt;br&gt;再次调用（此前某%5已出现）：%6&lt;br&gt;截至当时已上架模型：%7</translation>
    </message>
    <message numerus="yes">
        <source>&lt;br&gt;&lt;i&gt;Not over yet: %n day(s) so far (hollow dots)&lt;/i&gt;</source>
        <translation>
            <numerusform>&lt;br&gt;&lt;i&gt;尚未结束：目前 %n 天（空心点）&lt;/i&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Do callers come back? Retention by week</source>
        <translation>调用方会回来吗？按周的留存</translation>
    </message>
    <message>
        <source>Retention by week of the first call</source>
        <translation>按首次调用所在周的留存</translation>
    </message>
    <message>
        <source>Callers per week, by state</source>
        <translation>每周调用方（按状态）</translation>
    </message>
    <message>
        <source>Demand map: how broad, how lasting</source>
        <translation>需求图：有多广，有多持久</translation>
    </message>
    <message>
        <source>Each row: the callers first seen in one week (Monday to Sunday, UTC). Each cell: the share of them who called again in the k-th week after their first, white for none, deep blue for all. Empty cells: that week is not over yet for the row&apos;s callers.</source>
        <translation>每行：在同一周（周一至周日，UTC）首次出现的调用方。每格：其中在首周之后第 k 周再次调用的比例，白色表示没有，深蓝表示全部。空格：对该行的调用方而言，那一周尚未结束。</translation>
    </message>
    <message numerus="yes">
        <source>The cohort: %Ln caller(s)</source>
        <translation>
            <numerusform>该队列：%Ln 个调用方</numerusform>
        </translation>
    </message>
    <message>
        <source>No caller of this view was first seen in the selected usage window.</source>
        <translation>此视图中没有调用方在所选使用时段内首次出现。</translation>
    </message>
    <message>
        <source>No caller&apos;s 2nd week is over yet: nothing can be said about coming back.</source>
        <translation>还没有调用方的第 2 周已经结束：尚无法判断是否回访。</translation>
    </message>
    <message>
        <source>No callers in the selected usage window.</source>
        <translation>所选使用时段内没有调用方。</translation>
    </message>
    <message>
        <source>No called model of this view has callers whose 5th week is over: week-4 retention is not known for any of them yet.</source>
        <translation>此视图中被调用的模型都没有第 5 周已结束的调用方：尚不知道任何模型的第 4 周留存。</translation>
    </message>
    <message>
        <source>other tasks</source>
        <translation>其他任务</translation>
    </message>
    <message>
        <source>Unique callers in the window (log scale)</source>
        <translation>时段内的独立调用方（对数刻度）</translation>
    </message>
    <message>
        <source>Week-4 retention (%)</source>
        <translation>第 4 周留存（%）</translation>
    </message>
    <message>
        <source>Each point is a called model of this view: to the right, more callers; higher up, more of its callers came back in their 5th week (week-4 retention, of the callers first seen in the window). Bigger points have more calls. Click a point to show the model in the table.</source>
        <translation>每个点是此视图中一个被调用的模型：越靠右调用方越多；越靠上，越多调用方在第 5 周回访（第 4 周留存，按时段内首次出现的调用方计）。点越大调用越多。点击一个点可在表格中显示该模型。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Task: %2&lt;br&gt;Unique callers: %3&lt;br&gt;Calls: %4&lt;br&gt;Week-4 retention: %5&lt;br&gt;&lt;i&gt;Click to show it in the table&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;任务：%2&lt;br&gt;独立调用方：%3&lt;br&gt;调用：%4&lt;br&gt;第 4 周留存：%5&lt;br&gt;&lt;i&gt;点击可在表格中显示&lt;/i&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>narrow but loyal</source>
        <translation>窄而忠诚</translation>
    </message>
    <message>
        <source>wide and lasting</source>
        <translation>广而持久</translation>
    </message>
    <message>
        <source>barely used</source>
        <translation>几乎无人用</translation>
    </message>
    <message>
        <source>wide but passing</source>
        <translation>广而短暂</translation>
    </message>
    <message>
        <source>…kept a caller to week 4</source>
        <translation>…调用方留到第 4 周</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 callers came back in their 5th week (28 to 34 days after their first call), of the %3 callers first seen in the window whose 5th week was over by the last day with calls: %4, the view&apos;s week-4 retention.&lt;br&gt;Not a part of the step before: any caller of the view counts.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;在时段内首次出现、且第 5 周在最后一个有调用的日子之前已结束的 %3 个调用方中，有 %2 个在第 5 周（首次调用后第 28 至 34 天）回访：%4，即此视图的第 4 周留存。&lt;br&gt;它不是上一步的子集：此视图的任何调用方都计入。</translation>
    </message>
    <message>
        <source>none (nobody eligible)</source>
        <translation>无（没有符合条件的调用方）</translation>
    </message>
    <message>
        <source>%1  (%2 of %3 eligible)</source>
        <translation>%1  （%3 个符合条件者中的 %2）</translation>
    </message>
    <message>
        <source>none eligible yet</source>
        <translation>尚无符合条件者</translation>
    </message>
    <message>
        <source>&lt;b&gt;Week of %1&lt;/b&gt;&lt;br&gt;new: %2&lt;br&gt;returning: %3&lt;br&gt;resurrecting: %4&lt;br&gt;dormant: %5</source>
        <translation>&lt;b&gt;%1 这一周&lt;/b&gt;&lt;br&gt;新增：%2&lt;br&gt;回访：%3&lt;br&gt;复活：%4&lt;br&gt;休眠：%5</translation>
    </message>
    <message>
        <source>not over yet: the figures are not final</source>
        <translation>尚未结束：数字不是最终的</translation>
    </message>
    <message numerus="yes">
        <source>The lines of the %n task(s) with the most callers: a caller counts once within a task. The n under each week are the whole view&apos;s.</source>
        <translation>
            <numerusform>调用方最多的 %n 个任务各自的曲线：同一任务内一个调用方只算一次。每周下方的 n 属于整个视图。</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines: %1 callers (the median of the models shown), %2 week-4 retention</source>
        <translation>分界线：%1 个调用方（所示模型的中位数），%2 的第 4 周留存</translation>
    </message>
    <message numerus="yes">
        <source>%Ln called model(s) not shown: no caller&apos;s 5th week is over yet</source>
        <translation>
            <numerusform>%Ln 个被调用的模型未显示：尚无调用方的第 5 周结束</numerusform>
        </translation>
    </message>
    <message>
        <source>week after the first call; rows: the latest %1 of %2 weeks of first calls</source>
        <translation>首次调用之后的第几周；行：%2 个首次调用周中最近的 %1 个</translation>
    </message>
    <message>
        <source>week after the first call; rows: the week of the first call</source>
        <translation>首次调用之后的第几周；行：首次调用所在的周</translation>
    </message>
    <message>
        <source>This view</source>
        <translation>此视图</translation>
    </message>
    <message>
        <source>Families: base models by their derivatives&apos; callers</source>
        <translation>模型家族：按衍生模型的调用方数量排列的基础模型</translation>
    </message>
    <message>
        <source>No model of this view names a base model. Listings from the Hugging Face Hub name them (a fine-tune&apos;s base, an adapter&apos;s, a quantisation&apos;s).</source>
        <translation>此视图中没有模型注明基础模型。Hugging Face Hub 的列表会注明（微调、适配器或量化版本所基于的模型）。</translation>
    </message>
    <message>
        <source>Callers of its derivatives (bottom axis)</source>
        <translation>其衍生模型的调用方（下方坐标轴）</translation>
    </message>
    <message>
        <source>Derivatives listed (top axis)</source>
        <translation>已上架的衍生模型（上方坐标轴）</translation>
    </message>
    <message>
        <source>Distinct callers of the derivatives, in the usage window</source>
        <translation>使用时间窗口内衍生模型的不同调用方</translation>
    </message>
    <message>
        <source>Derivatives listed</source>
        <translation>已上架的衍生模型</translation>
    </message>
    <message>
        <source>the top %1 of %2 base models</source>
        <translation>共 %2 个基础模型中的前 %1 个</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;%2&lt;br&gt;Derivatives listed: %3&lt;br&gt;Called: %4&lt;br&gt;Kept a caller to week 4: %5&lt;br&gt;Calls: %6&lt;br&gt;Distinct callers: %7%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;%2&lt;br&gt;已上架的衍生模型：%3&lt;br&gt;被调用：%4&lt;br&gt;留住调用方到第 4 周：%5&lt;br&gt;调用次数：%6&lt;br&gt;不同调用方：%7%8</translation>
    </message>
    <message>
        <source> (not in the catalogue itself)</source>
        <translation>（本身不在目录中）</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;Click to show the base model in the table&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;点击以在表格中显示该基础模型&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1 models as %2 points: those on the same spot are one</source>
        <translation>%1 个模型显示为 %2 个点：位置相同的模型合为一个点</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln other model(s) at this point</source>
        <translation>
            <numerusform>此点还有另外 %Ln 个模型</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uptake::DashboardWidget</name>
    <message>
        <source>The dashboard could not be computed: %1</source>
        <translation>无法计算仪表板：%1</translation>
    </message>
    <message>
        <source>Computing the charts for this view…</source>
        <translation>正在计算此视图的图表…</translation>
    </message>
    <message>
        <source>Computing usage over time and callers…</source>
        <translation>正在计算使用情况随时间的变化及调用方…</translation>
    </message>
    <message>
        <source>unknown chart &apos;%1&apos;</source>
        <translation>未知图表 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>%1 in this view, %2 in the usage window. Computed in %3 s. Click a task or a model to filter the table; right-click a chart to export it.</source>
        <translation>此视图中有 %1，使用时间窗口内有 %2。计算耗时 %3 秒。点击任务或模型可筛选表格；右键点击图表可将其导出。</translation>
    </message>
    <message numerus="yes">
        <source>%1 model(s)</source>
        <translation>
            <numerusform>%1 个模型</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 call(s)</source>
        <translation>
            <numerusform>%1 次调用</numerusform>
        </translation>
    </message>
    <message>
        <source>Supply and demand</source>
        <translation>供给与需求</translation>
    </message>
    <message>
        <source>Does demand last?</source>
        <translation>需求能持续吗？</translation>
    </message>
    <message>
        <source>Whether the callers of this view come back, week after week, and which models have broad and lasting demand</source>
        <translation>此视图的调用方是否一周又一周地回来，以及哪些模型拥有广泛而持久的需求</translation>
    </message>
    <message>
        <source>Computing whether callers come back…</source>
        <translation>正在计算调用方是否回访…</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>模型家族</translation>
    </message>
    <message>
        <source>Base models ranked by the callers of the models made from them (fine-tunes, adapters, quantisations), beside how many of those are listed</source>
        <translation>按其衍生模型（微调、适配器、量化版本）的调用方数量排列的基础模型，并列出已上架的衍生模型数量</translation>
    </message>
    <message>
        <source>the families are computed when their page is shown: open the Families page, then export</source>
        <translation>模型家族在其页面显示时才计算：请先打开“模型家族”页面，再导出</translation>
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
        <translation>缓存未打开。</translation>
    </message>
</context>
<context>
    <name>uptake::DetailPane</name>
    <message>
        <source>No description</source>
        <translation>无描述</translation>
    </message>
    <message>
        <source>Select a model to see its listing and usage.</source>
        <translation>选择一个模型以查看其上架信息和使用情况。</translation>
    </message>
    <message>
        <source>This model is no longer in the cache.</source>
        <translation>此模型已不在缓存中。</translation>
    </message>
    <message>
        <source>%1  (unlisted: seen in usage, in no catalogue)</source>
        <translation>%1  （未上架：出现在使用数据中，不在任何目录中）</translation>
    </message>
    <message>
        <source>No calls in this window</source>
        <translation>此时间窗口内没有调用</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Calls per week</source>
        <translation>每周调用</translation>
    </message>
    <message>
        <source>Calls per day</source>
        <translation>每日调用</translation>
    </message>
    <message>
        <source>UTC day</source>
        <translation>UTC 日</translation>
    </message>
    <message>
        <source>calls / week</source>
        <translation>调用 / 周</translation>
    </message>
    <message>
        <source>calls / day</source>
        <translation>调用 / 日</translation>
    </message>
    <message>
        <source>No callers in this window</source>
        <translation>此时间窗口内没有调用方</translation>
    </message>
    <message>
        <source>Callers per week</source>
        <translation>每周调用方</translation>
    </message>
    <message>
        <source>week (Mon–Sun)</source>
        <translation>周（周一至周日）</translation>
    </message>
    <message>
        <source>callers</source>
        <translation>调用方</translation>
    </message>
    <message>
        <source>No calls: no mode mix</source>
        <translation>没有调用：无模式分布</translation>
    </message>
    <message>
        <source>vanilla</source>
        <translation>普通</translation>
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
        <translation>调用模式</translation>
    </message>
    <message>
        <source>No downloads or likes listed</source>
        <translation>未列出下载量或点赞数</translation>
    </message>
    <message>
        <source>Unlisted: no listing history</source>
        <translation>未收录：没有收录历史</translation>
    </message>
    <message>
        <source>Listed popularity (one snapshot)</source>
        <translation>收录热度（一个快照）</translation>
    </message>
    <message>
        <source>Listed popularity</source>
        <translation>收录热度</translation>
    </message>
    <message>
        <source>snapshot (UTC)</source>
        <translation>快照（UTC）</translation>
    </message>
    <message>
        <source>downloads</source>
        <translation>下载量</translation>
    </message>
    <message>
        <source>likes</source>
        <translation>点赞数</translation>
    </message>
    <message>
        <source>downloads, k</source>
        <comment>thousands</comment>
        <translation>下载量，千</translation>
    </message>
    <message>
        <source>downloads, M</source>
        <comment>millions</comment>
        <translation>下载量，百万</translation>
    </message>
    <message>
        <source>likes, k</source>
        <comment>thousands</comment>
        <translation>点赞数，千</translation>
    </message>
    <message>
        <source>likes, M</source>
        <comment>millions</comment>
        <translation>点赞数，百万</translation>
    </message>
    <message>
        <source>verified, kind unknown</source>
        <translation>已验证，类型未知</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Popularity</source>
        <translation>热度</translation>
    </message>
    <message>
        <source>came back</source>
        <translation>再次调用</translation>
    </message>
    <message>
        <source>week so far</source>
        <translation>本周至今</translation>
    </message>
    <message numerus="yes">
        <source>callers: the distinct callers of the week.
came back: of them, those who had called this model in an earlier week.
The last week has %n day(s) so far: hollow dots, not part of the line.</source>
        <translation>
            <numerusform>调用方：该周内不同的调用方。
再次调用：其中在更早的某周已调用过该模型的调用方。
最后一周目前只有 %n 天：以空心点表示，不计入折线。</numerusform>
        </translation>
    </message>
    <message>
        <source>callers: the distinct callers of the week.
came back: of them, those who had called this model in an earlier week.</source>
        <translation>调用方：该周内不同的调用方。
再次调用：其中在更早的某周已调用过该模型的调用方。</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>使用情况</translation>
    </message>
    <message>
        <source>Returning callers</source>
        <translation>回访调用方</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Whether callers come back in the weeks after their first call, and how many callers the usage rests on</source>
        <translation>调用方在首次调用后的几周内是否回来，以及使用量依赖于多少调用方</translation>
    </message>
    <message>
        <source>The callers first seen in each week, and the share of them who came back in each later week</source>
        <translation>每周首次出现的调用方，以及其中在之后每一周回来的比例</translation>
    </message>
    <message>
        <source>— (for no caller is week %1 after the first over yet)</source>
        <translation>—（尚无调用方的首周后第 %1 周已结束）</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%3 中的 %2）</translation>
    </message>
    <message>
        <source>Week-1 retention</source>
        <translation>第 1 周留存</translation>
    </message>
    <message>
        <source>Of the callers first seen in this window at least 2 weeks before %1 (the last day with calls), the share who called this model again in their 2nd week: 7 to 13 days after their first call.</source>
        <translation>在此时间段内、于 %1（最后一个有调用的日期）之前至少 2 周首次出现的调用方中，在其第 2 周（首次调用后第 7 至 13 天）再次调用此模型的比例。</translation>
    </message>
    <message>
        <source>Week-4 retention</source>
        <translation>第 4 周留存</translation>
    </message>
    <message>
        <source>Of the callers first seen in this window at least 5 weeks before %1 (the last day with calls), the share who called this model again in their 5th week: 28 to 34 days after their first call.</source>
        <translation>在此时间段内、于 %1（最后一个有调用的日期）之前至少 5 周首次出现的调用方中，在其第 5 周（首次调用后第 28 至 34 天）再次调用此模型的比例。</translation>
    </message>
    <message>
        <source>— (no calls in this window)</source>
        <translation>—（此时间段内没有调用）</translation>
    </message>
    <message>
        <source>Busiest caller&apos;s share</source>
        <translation>最活跃调用方的占比</translation>
    </message>
    <message>
        <source>The share of this window&apos;s calls made by its busiest caller. Near 100%, one caller is all the usage.</source>
        <translation>此时间段的调用中由最活跃调用方发起的比例。接近 100% 时，全部使用量来自一个调用方。</translation>
    </message>
    <message>
        <source>Effective callers</source>
        <translation>有效调用方</translation>
    </message>
    <message>
        <source>How many equally busy callers would spread the calls as evenly: ten callers with ten calls each give 10; one caller with nearly all the calls gives about 1.</source>
        <translation>多少个同样活跃的调用方会得到同样均匀的调用分布：十个各调用十次的调用方得 10；一个几乎包揽所有调用的调用方约得 1。</translation>
    </message>
    <message>
        <source>Callers making half the calls</source>
        <translation>贡献一半调用的调用方</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 中的 %1</translation>
    </message>
    <message>
        <source>The fewest callers whose calls add up to at least half of this window&apos;s calls, of all its callers.</source>
        <translation>调用合计至少占此时间段一半调用的最少调用方数，以及全部调用方数。</translation>
    </message>
    <message>
        <source>Retention: no caller&apos;s 2nd week is over yet</source>
        <translation>留存：尚无调用方的第 2 周已结束</translation>
    </message>
    <message>
        <source>Retention by week after the first</source>
        <translation>首周之后各周的留存</translation>
    </message>
    <message>
        <source>Callers per week, by state</source>
        <translation>每周调用方（按状态）</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>调用方</translation>
    </message>
    <message>
        <source>The callers first seen in the week, Monday to Sunday (UTC)</source>
        <translation>在该周（周一至周日，UTC）首次出现的调用方</translation>
    </message>
    <message>
        <source>Week %1 after the first: the share of the week&apos;s new callers who called again %2 to %3 days after their first call</source>
        <translation>首周后第 %1 周：该周新调用方中在首次调用后第 %2 至 %3 天再次调用的比例</translation>
    </message>
    <message>
        <source>Callers first seen in the week of %1</source>
        <translation>在 %1 这一周首次出现的调用方</translation>
    </message>
    <message numerus="yes">
        <source>%Ln caller(s) first seen in the week of %1</source>
        <translation>
            <numerusform>%Ln 个调用方在 %1 这一周首次出现</numerusform>
        </translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Each week&apos;s callers: new, returning, resurrecting, and those who went dormant</source>
        <translation>每周的调用方：新增、回访、复活，以及转为休眠的调用方</translation>
    </message>
    <message>
        <source>fine-tune of %1</source>
        <translation>%1 的微调版本</translation>
    </message>
    <message>
        <source>adapter of %1</source>
        <translation>%1 的适配器</translation>
    </message>
    <message>
        <source>quantisation of %1</source>
        <translation>%1 的量化版本</translation>
    </message>
    <message>
        <source>merge of %1</source>
        <translation>与 %1 的合并</translation>
    </message>
    <message>
        <source>%1 (not in the catalogue)</source>
        <translation>%1（不在目录中）</translation>
    </message>
    <message>
        <source>%1 → … (the chain comes back to a model already on it)</source>
        <translation>%1 → …（链条回到了已出现过的模型）</translation>
    </message>
    <message>
        <source>%1; also from %2</source>
        <translation>%1；也基于 %2</translation>
    </message>
    <message>
        <source>Derived from</source>
        <translation>衍生自</translation>
    </message>
    <message>
        <source>Derivatives</source>
        <translation>衍生模型</translation>
    </message>
    <message>
        <source>%1 listed, %2 called, %3 kept a caller to week 4; %4 callers in all</source>
        <comment>models made from this one</comment>
        <translation>已上架 %1 个，被调用 %2 个，%3 个留住调用方到第 4 周；共 %4 个调用方</translation>
    </message>
</context>
<context>
    <name>uptake::EvidenceFilters</name>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>%</source>
        <comment>suffix of a percentage in a spin box</comment>
        <translation>%</translation>
    </message>
    <message>
        <source>Only models that kept at least this share of their callers to week 4: of the callers first seen at least 5 weeks before the last day with calls, the share who called again 28 to 34 days after their first call. Models with no such callers are left out.</source>
        <translation>仅显示第 4 周至少留住此比例调用方的模型：在最后一个有调用的日期之前至少 5 周首次出现的调用方中，在首次调用后第 28 至 34 天再次调用的比例。没有此类调用方的模型不显示。</translation>
    </message>
    <message>
        <source>Only models whose busiest caller made at most this share of the calls: leaves out models kept alive by one caller.</source>
        <translation>仅显示最活跃调用方所占调用比例不超过此值的模型：排除靠单一调用方维持的模型。</translation>
    </message>
    <message>
        <source>Only models whose usage amounts to at least this many equally busy callers: ten callers with ten calls each count 10, one caller with nearly all the calls about 1.</source>
        <translation>仅显示使用量至少相当于这么多个同样活跃调用方的模型：十个调用方各调用十次计为 10，一个调用方几乎包揽全部调用约为 1。</translation>
    </message>
    <message>
        <source>Min. week-4</source>
        <translation>第 4 周最低</translation>
    </message>
    <message>
        <source>Min. effective</source>
        <translation>有效最少</translation>
    </message>
    <message>
        <source>Max. top caller</source>
        <translation>最活跃最多</translation>
    </message>
</context>
<context>
    <name>uptake::FilterPanel</name>
    <message>
        <source>id, author, task, tags</source>
        <translation>ID、作者、任务、标签</translation>
    </message>
    <message>
        <source>any task</source>
        <translation>所有任务</translation>
    </message>
    <message>
        <source>any author</source>
        <translation>所有作者</translation>
    </message>
    <message>
        <source>any licence</source>
        <translation>所有许可证</translation>
    </message>
    <message>
        <source>any framework</source>
        <translation>所有框架</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>Never called</source>
        <translation>从未调用</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已调用</translation>
    </message>
    <message>
        <source>Has repeat callers</source>
        <translation>有回访调用方</translation>
    </message>
    <message>
        <source>Unlisted (usage only)</source>
        <translation>未上架（仅使用数据）</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>使用情况</translation>
    </message>
    <message>
        <source>Min. calls</source>
        <translation>最少调用</translation>
    </message>
    <message>
        <source>Min. repeat</source>
        <translation>最少回访</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>自</translation>
    </message>
    <message>
        <source>Listed between</source>
        <translation>上架时间介于</translation>
    </message>
    <message>
        <source>Usage window (UTC days)</source>
        <translation>使用时间窗口（UTC 日）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ matching model(s)…</source>
        <translation>
            <numerusform>%Ln+ 个匹配的模型…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matching model(s)</source>
        <translation>
            <numerusform>%Ln 个匹配的模型</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage window period</source>
        <translation>使用时间段</translation>
    </message>
    <message>
        <source>Set Since and Until to a common period. Periods end on the last day with usage data, or today when there is none.</source>
        <translation>将“起始”和“截止”设为常用时间段。时间段止于有使用数据的最后一天；若无数据则止于今天。</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Usage data from %1 to %2</source>
        <translation>使用数据：%1 至 %2</translation>
    </message>
    <message>
        <source>No usage data: periods end today, %1 (UTC)</source>
        <translation>无使用数据：时间段止于今天 %1（UTC）</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>Type a date as year-month-day, or open the calendar with Alt+Down. Select all and press Delete to remove the limit.</source>
        <translation>按 年-月-日 输入日期，或按 Alt+下箭头 打开日历。全选后按 Delete 取消限制。</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Callers who stay</source>
        <translation>留下的调用方</translation>
    </message>
    <message>
        <source>Demand evidence, in the usage window when there is one: do callers come back, and is the usage spread over many of them?</source>
        <translation>需求证据（设置了使用时间段时按该时间段）：调用方是否回来，使用是否分散在许多调用方之间？</translation>
    </message>
    <message>
        <source>Size and access</source>
        <translation>规模与访问</translation>
    </message>
    <message>
        <source>What the registry lists about the model itself: its size in parameters, and whether its files are gated.</source>
        <translation>注册表关于模型本身的信息：参数规模，以及文件是否受限访问。</translation>
    </message>
</context>
<context>
    <name>uptake::HelpDialog</name>
    <message>
        <source>Uptake User Guide</source>
        <translation>Uptake 用户指南</translation>
    </message>
</context>
<context>
    <name>uptake::ImportResultDialog</name>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Copy Rejected Rows</source>
        <translation>复制被拒绝的行</translation>
    </message>
    <message>
        <source>Rejected rows (the rest of each file was imported):</source>
        <translation>被拒绝的行（各文件的其余部分已导入）：</translation>
    </message>
    <message numerus="yes">
        <source>… and %1 more rejected row(s)</source>
        <translation>
            <numerusform>… 以及另外 %1 行被拒绝的数据</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uptake::MainWindow</name>
    <message>
        <source>Query failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Hide this note</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Selected model</source>
        <translation>所选模型</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Import &amp;Catalogue…</source>
        <translation>导入目录(&amp;C)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import &amp;Usage…</source>
        <translation>导入使用数据(&amp;U)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>&amp;Export Snapshot…</source>
        <translation>导出快照(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Write every row of the current filter and sort to CSV</source>
        <translation>将当前筛选和排序下的所有行写入 CSV</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Uptake</source>
        <translation>关于 Uptake(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>No cache open</source>
        <translation>未打开缓存</translation>
    </message>
    <message>
        <source>The cache could not be opened.</source>
        <translation>无法打开缓存。</translation>
    </message>
    <message>
        <source>Building demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>The demo data could not be built: %1</source>
        <translation>无法生成演示数据：%1</translation>
    </message>
    <message>
        <source>listed %1 · called %2 · never called %3 · Gini %4 · top 1% of models: %5 of calls</source>
        <translation>已上架 %1 · 已调用 %2 · 从未调用 %3 · Gini %4 · 前 1% 的模型：占调用的 %5</translation>
    </message>
    <message>
        <source>About Uptake</source>
        <translation>关于 Uptake</translation>
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
        <translation>将每个模型的上架信息与其实际观测到的使用情况并列展示。

Qt %1（使用 %2 构建）
SQLite %3

缓存：%4%5</translation>
    </message>
    <message>
        <source> (demo data)</source>
        <translation> (演示数据)</translation>
    </message>
    <message>
        <source>Import into the demo cache?</source>
        <translation>导入到演示缓存？</translation>
    </message>
    <message>
        <source>Import Catalogue</source>
        <translation>导入目录</translation>
    </message>
    <message>
        <source>Import Usage</source>
        <translation>导入使用数据</translation>
    </message>
    <message>
        <source>Catalogues (*.json *.jsonl *.ndjson *.csv);;All files (*)</source>
        <translation>目录 (*.json *.jsonl *.ndjson *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Usage logs (*.csv *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>使用日志 (*.csv *.jsonl *.ndjson *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing catalogue</source>
        <translation>正在导入目录</translation>
    </message>
    <message>
        <source>Importing usage</source>
        <translation>正在导入使用数据</translation>
    </message>
    <message>
        <source>Importing %1 (file %2 of %3)</source>
        <translation>正在导入 %1（第 %2 个文件，共 %3 个）</translation>
    </message>
    <message>
        <source>%1 (nothing imported)</source>
        <translation>%1（未导入任何内容）</translation>
    </message>
    <message>
        <source>%1: %2 (nothing imported)</source>
        <translation>%1: %2（未导入任何内容）</translation>
    </message>
    <message>
        <source>Cancelled: the file being imported was left out entirely.</source>
        <translation>已取消：正在导入的文件已被完全略过。</translation>
    </message>
    <message>
        <source>Import stopped: %1</source>
        <translation>导入已停止：%1</translation>
    </message>
    <message>
        <source>Export Snapshot</source>
        <translation>导出快照</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Exporting snapshot</source>
        <translation>正在导出快照</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1 is being written by another Uptake; waiting for it to finish…</source>
        <translation>%1 正由另一个 Uptake 写入；正在等待其完成…</translation>
    </message>
    <message>
        <source>This cache cannot be opened</source>
        <translation>无法打开此缓存</translation>
    </message>
    <message>
        <source>Uptake has left the file as it is. You can open another cache, or start a fresh one in a new file and import your data into it.</source>
        <translation>Uptake 未改动该文件。您可以打开另一个缓存，或在新文件中新建一个缓存并将数据导入其中。</translation>
    </message>
    <message>
        <source>Open Another Cache…</source>
        <translation>打开其他缓存…</translation>
    </message>
    <message>
        <source>Start a Fresh Cache…</source>
        <translation>新建缓存…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;New Cache…</source>
        <translation>新建缓存(&amp;N)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Start an empty cache in a new file, for your own catalogue and usage</source>
        <translation>在新文件中新建空缓存，用于您自己的目录和使用数据</translation>
    </message>
    <message>
        <source>&amp;Open Cache…</source>
        <translation>打开缓存(&amp;O)…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Export C&amp;hart…</source>
        <translation>导出图表(&amp;H)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>C&amp;atalogue</source>
        <translation>目录(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>仪表板(&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Registry</source>
        <translation>注册表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sync…</source>
        <translation>同步(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <source>Fetch the listing of a registry over HTTP and keep it as a dated snapshot</source>
        <translation>通过 HTTP 获取注册表的模型列表，并保存为带日期的快照</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Stop the running job?</source>
        <translation>停止正在运行的任务？</translation>
    </message>
    <message>
        <source>An import or export is still running. Stopping it leaves the file being imported out entirely (an export writes nothing).</source>
        <translation>导入或导出仍在进行。停止后，正在导入的文件将完全不被导入（导出则不会写入任何内容）。</translation>
    </message>
    <message>
        <source>Stop It</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Keep Working</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>This cache is empty. Fill it with File &gt; Import Catalogue (%1) and File &gt; Import Usage (%2).</source>
        <translation>此缓存为空。请通过 文件 &gt; 导入目录（%1）和 文件 &gt; 导入使用数据（%2）填充它。</translation>
    </message>
    <message>
        <source>%1 (demo data)</source>
        <translation>%1（演示数据）</translation>
    </message>
    <message>
        <source>%1 (not opened)</source>
        <translation>%1（未打开）</translation>
    </message>
    <message>
        <source>%1 — Uptake</source>
        <translation>%1 — Uptake</translation>
    </message>
    <message>
        <source>Open Cache</source>
        <translation>打开缓存</translation>
    </message>
    <message>
        <source>Uptake caches (*.sqlite *.db);;All files (*)</source>
        <translation>Uptake 缓存 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New Cache</source>
        <translation>新建缓存</translation>
    </message>
    <message>
        <source>Uptake caches (*.sqlite);;All files (*)</source>
        <translation>Uptake 缓存 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 does not exist (any more).</source>
        <translation>%1 不存在（或已被移除）。</translation>
    </message>
    <message>
        <source>%1 already exists. A new cache needs a new file name; to open an existing cache, use File &gt; Open Cache.</source>
        <translation>%1 已存在。新缓存需要一个新的文件名；要打开现有缓存，请使用 文件 &gt; 打开缓存。</translation>
    </message>
    <message>
        <source>&amp;%1 %2  (%3)</source>
        <translation>&amp;%1 %2  (%3)</translation>
    </message>
    <message>
        <source>No recent caches</source>
        <translation>没有最近打开的缓存</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>This cache is empty: building a demo registry (%1, %2) so that there is something to look at…</source>
        <translation>此缓存为空：正在生成演示注册表（%1，%2），以便有内容可供浏览…</translation>
    </message>
    <message numerus="yes">
        <source>%1 model(s)</source>
        <translation>
            <numerusform>%1 个模型</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 call(s)</source>
        <translation>
            <numerusform>%1 次调用</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo data: a made-up registry with made-up usage. To see your own, keep it in a cache of its own: File &gt; New Cache, then File &gt; Import Catalogue and Import Usage (or uptake --cache mine.sqlite import catalogue FILE on the command line).</source>
        <translation>演示数据：虚构的注册表和虚构的使用情况。要查看您自己的数据，请将其放在单独的缓存中：文件 &gt; 新建缓存，然后 文件 &gt; 导入目录 和 导入使用数据（或在命令行中运行 uptake --cache mine.sqlite import catalogue 文件）。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>status bar: models, calls</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>This cache holds demo data, and your data would be mixed with it. To keep them apart, make a cache of your own with File &gt; New Cache and import there.

Import into the demo cache anyway?</source>
        <translation>此缓存包含演示数据，您的数据会与之混在一起。为了将它们分开，请通过 文件 &gt; 新建缓存 创建您自己的缓存并导入其中。

仍要导入到演示缓存中吗？</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 row(s) to %2 (and %2.json)</source>
        <translation>
            <numerusform>已将 %1 行导出到 %2（以及 %2.json）</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1 into the cache: figures and indexes…</source>
        <translation>正在将 %1 写入缓存：指标与索引…</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>复制行(&amp;C)</translation>
    </message>
    <message>
        <source>The selected rows as tab-separated text with a header line, for a spreadsheet</source>
        <translation>将所选行复制为带表头的制表符分隔文本，便于粘贴到电子表格</translation>
    </message>
    <message>
        <source>%1 rows are selected; Copy takes at most %2. File &gt; Export Snapshot writes any number.</source>
        <translation>已选择 %1 行；复制最多 %2 行。“文件 &gt; 导出快照”可导出任意行数。</translation>
    </message>
    <message>
        <source>Loading the selected rows to copy them…</source>
        <translation>正在加载所选行以便复制…</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s).</source>
        <translation>
            <numerusform>已复制 %Ln 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy Model &amp;Id</source>
        <translation>复制模型 ID(&amp;I)</translation>
    </message>
    <message>
        <source>Only Models by %1</source>
        <translation>仅显示 %1 的模型</translation>
    </message>
    <message>
        <source>Only %1 Models</source>
        <translation>仅显示 %1 类模型</translation>
    </message>
    <message>
        <source>Writing the demo&apos;s usage…</source>
        <translation>正在写入演示的使用数据…</translation>
    </message>
    <message>
        <source>The demo registry&apos;s listings are in; writing its usage (%1) so that there are calls to look at…</source>
        <translation>演示注册表的条目已写入；正在写入其使用数据（%1），以便有调用可看…</translation>
    </message>
</context>
<context>
    <name>uptake::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>The cache used last</source>
        <translation>上次使用的缓存</translation>
    </message>
    <message>
        <source>The default cache</source>
        <translation>默认缓存</translation>
    </message>
    <message>
        <source>Restore the last filters and usage window</source>
        <translation>恢复上次的筛选条件和使用时间窗口</translation>
    </message>
    <message>
        <source>Takes effect the next time Uptake starts.</source>
        <translation>下次启动 Uptake 时生效。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>On start, open:</source>
        <translation>启动时打开：</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Default cache:</source>
        <translation>默认缓存：</translation>
    </message>
    <message>
        <source>uptake --cache FILE always opens FILE.</source>
        <translation>uptake --cache 文件 始终打开该文件。</translation>
    </message>
</context>
<context>
    <name>uptake::SupplyFilters</name>
    <message>
        <source>any, e.g. 7B</source>
        <translation>不限，例如 7B</translation>
    </message>
    <message>
        <source>Only models with at least this many parameters: a number, or with K, M, B or T (7B is 7 billion). Models whose registry gives no size are left out.</source>
        <translation>只显示参数量不少于此数的模型：一个数字，或带 K、M、B、T（7B 即 70 亿）。注册表未给出规模的模型不显示。</translation>
    </message>
    <message>
        <source>Only models with at most this many parameters: a number, or with K, M, B or T (350M is 350 million). Models whose registry gives no size are left out.</source>
        <translation>只显示参数量不超过此数的模型：一个数字，或带 K、M、B、T（350M 即 3.5 亿）。注册表未给出规模的模型不显示。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>gated only</source>
        <translation>仅受限</translation>
    </message>
    <message>
        <source>open only</source>
        <translation>仅开放</translation>
    </message>
    <message>
        <source>Gated models need the author&apos;s consent before their files can be downloaded. Models whose registry does not say are left out of either choice.</source>
        <translation>受限模型需经作者同意才能下载文件。注册表未说明的模型在两种选择下都不显示。</translation>
    </message>
    <message>
        <source>Min. parameters</source>
        <translation>最少参数</translation>
    </message>
    <message>
        <source>Max. parameters</source>
        <translation>最多参数</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
</context>
<context>
    <name>uptake::SyncDialog</name>
    <message>
        <source>Sync from a Registry</source>
        <translation>从注册表同步</translation>
    </message>
    <message>
        <source>Detect from the address</source>
        <translation>根据地址识别</translation>
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
        <translation>全部模型</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>from UPTAKE_TOKEN</source>
        <translation>来自 UPTAKE_TOKEN</translation>
    </message>
    <message>
        <source>Sent to this registry as a bearer token; never saved, never logged.</source>
        <translation>作为 Bearer 令牌发送给此注册表；从不保存，从不记录。</translation>
    </message>
    <message>
        <source>Registry &amp;address:</source>
        <translation>注册表地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Stop after:</source>
        <translation>上限(&amp;S)：</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>访问令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>Each page is saved as it arrives: a sync that stops keeps what it got, and the next sync of the same address carries on from there. Downloads and likes are kept per sync, so the detail pane can show them over time.</source>
        <translation>每一页到达时即保存：中途停止的同步会保留已获取的内容，下次同步同一地址时从那里继续。每次同步都会保留下载量和点赞数，因此详情面板可以显示它们随时间的变化。</translation>
    </message>
    <message>
        <source>Retries and waits show here.</source>
        <translation>重试和等待会显示在这里。</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>“%1” is not a web address. Give the registry&apos;s address, for example https://huggingface.co.</source>
        <translation>“%1”不是网址。请输入注册表的地址，例如 https://huggingface.co。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Cancelling after the current request…</source>
        <translation>将在当前请求结束后取消…</translation>
    </message>
    <message>
        <source>Syncing: pages so far %1, models %2</source>
        <translation>正在同步：已获取 %1 页，%2 个模型</translation>
    </message>
    <message>
        <source>Cancelled. The pages fetched so far are kept beside the cache; syncing again adds them and carries on from there.</source>
        <translation>已取消。已获取的页面保留在缓存旁边；再次同步会将其写入并从那里继续。</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Nothing changed on the registry since the last sync.</source>
        <translation>自上次同步以来，注册表没有变化。</translation>
    </message>
    <message>
        <source>Done: pages %1, models %2.</source>
        <translation>完成：%1 页，%2 个模型。</translation>
    </message>
    <message>
        <source>Carried on from an earlier sync that had stopped.</source>
        <translation>已从之前中断的同步处继续。</translation>
    </message>
    <message>
        <source>Stopped early: %1</source>
        <translation>提前停止：%1</translation>
    </message>
    <message>
        <source>Uptake cannot tell which registry %1 is. Choose it in the Format list.</source>
        <translation>Uptake 无法判断 %1 是哪个注册中心。请在“格式”列表中选择。</translation>
    </message>
</context>
</TS>
