#include "ingest/demo.h"

#include "db/cache.h"
#include "db/database.h"
#include "ingest/ingest.h"
#include "view/shortterms.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace uptake {

namespace {

// Weekly popularity snapshots the demo invents before today's.
constexpr int DemoHistoryWeeks = 12;

// splitmix64: tiny, fast and the same on every platform, unlike std:: distributions.
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
    bool chance(double p) { return uniform() < p; }
    template<typename T, size_t N>
    const T &pick(const std::array<T, N> &a) { return a[below(N)]; }

private:
    std::uint64_t m_state;
};

std::string hex(std::uint64_t v, int digits)
{
    static const char *kHex = "0123456789abcdef";
    std::string s(size_t(digits), '0');
    for (int i = digits - 1; i >= 0; --i) {
        s[size_t(i)] = kHex[v & 15];
        v >>= 4;
    }
    return s;
}

const std::array<const char *, 24> kHfAuthors = {
    "meta-llama", "mistralai", "google", "microsoft", "Qwen", "openai-community", "sentence-transformers",
    "stabilityai", "facebook", "bigscience", "EleutherAI", "tiiuae", "deepseek-ai", "nvidia", "intfloat",
    "BAAI", "TheBloke", "unsloth", "HuggingFaceTB", "allenai", "cardiffnlp", "distilbert", "timm", "openai"};
const std::array<const char *, 10> kOgAuthors = {"opengradient", "quantlab", "defi-signals", "chainrisk",
                                                 "alpha-vault", "onchain-ml", "mev-research", "yieldwise",
                                                 "vol-desk", "zk-models"};
const std::array<const char *, 20> kSyllables = {"ka", "lo", "mi", "ra", "ten", "vo", "zu", "an", "el", "or",
                                                 "qi", "sa", "ny", "ix", "um", "de", "po", "ja", "we", "ha"};
const std::array<const char *, 14> kHfFamilies = {"llama", "mistral", "qwen2", "gemma", "phi", "bert", "roberta",
                                                  "t5", "whisper", "vit", "stable-diffusion", "gpt2", "bge",
                                                  "deberta"};
const std::array<const char *, 8> kSizes = {"7b", "1.5b", "0.5b", "13b", "base", "small", "large", "tiny"};
const std::array<const char *, 8> kHfSuffixes = {"-instruct", "-GGUF", "-finetuned", "-chat", "-v2", "-lora",
                                                 "-awq", "-sft"};
struct Task
{
    const char *name;
    double weight;
};
const std::array<Task, 12> kHfTasks = {{{"text-generation", 30},
                                        {"text-classification", 12},
                                        {"feature-extraction", 9},
                                        {"sentence-similarity", 6},
                                        {"image-classification", 7},
                                        {"text-to-image", 8},
                                        {"automatic-speech-recognition", 5},
                                        {"token-classification", 5},
                                        {"question-answering", 4},
                                        {"translation", 4},
                                        {"summarization", 3},
                                        {"reinforcement-learning", 7}}};
const std::array<Task, 7> kOgTasks = {{{"Volatility Forecasting", 20},
                                       {"Price Prediction", 25},
                                       {"Risk Assessment", 15},
                                       {"Sentiment Analysis", 10},
                                       {"Anomaly Detection", 10},
                                       {"Text Generation", 12},
                                       {"Yield Optimization", 8}}};
const std::array<const char *, 7> kOgSubjects = {"ethusdt", "btcusdt", "solusdt", "wallet", "pool", "lending",
                                                 "bridge"};
const std::array<const char *, 6> kLicenses = {"apache-2.0", "mit", "llama3", "cc-by-4.0", "openrail", "other"};

template<size_t N>
const char *pickTask(Rng &rng, const std::array<Task, N> &tasks)
{
    double total = 0;
    for (const Task &t : tasks)
        total += t.weight;
    double u = rng.uniform() * total;
    for (const Task &t : tasks) {
        if (u < t.weight)
            return t.name;
        u -= t.weight;
    }
    return tasks.back().name;
}

std::string slug(const char *taskName)
{
    std::string s;
    for (const char *p = taskName; *p; ++p)
        s += *p == ' ' ? '-' : (*p >= 'A' && *p <= 'Z' ? char(*p - 'A' + 'a') : *p);
    return s;
}

std::string address(Rng &rng)
{
    std::string a = "0x" + hex(rng.next(), 16) + hex(rng.next(), 16) + hex(rng.next(), 8);
    // Some wallets log checksummed (mixed-case) addresses: the importer must fold them.
    if (rng.chance(0.3))
        for (size_t i = 2; i < a.size(); i += 3)
            if (a[i] >= 'a' && a[i] <= 'f') // ASCII only: no locale's case rules
                a[i] = char(a[i] - 'a' + 'A');
    return a;
}

struct DemoModel
{
    std::string id;
    bool og;
};

// Parameters by the size in a demo name ("7b", "0.5b"); a draw for the words ("base", "small").
std::int64_t demoParameters(std::string_view size, Rng &rng)
{
    if (!size.empty() && size.back() == 'b') {
        const double billions = std::atof(std::string(size.substr(0, size.size() - 1)).c_str());
        if (billions > 0)
            return std::int64_t(billions * 1e9 * (0.9 + 0.2 * rng.uniform()));
    }
    const double lo = size == "tiny" ? 4e6 : size == "small" ? 3e7 : size == "base" ? 1e8 : 3e8;
    return std::int64_t(lo * (1 + 3 * rng.uniform()));
}

// The supply the Hub publishes now, and families: a Hugging Face demo model's size, gating,
// all-time downloads, trending score and, for many, a base model it was made from (a few
// foundation models take most derivatives, as on the Hub; some derivatives are themselves
// bases). Its own random stream, so that the rest of the demo is the same with or without it.
void addSupply(ModelRecord &r, std::string_view size, const std::vector<std::size_t> &hfModels,
               const std::vector<DemoModel> &models, Rng &rng)
{
    if (rng.chance(0.85))
        r.parameters = demoParameters(size, rng);
    if (rng.chance(0.8))
        r.gated = rng.chance(0.1);
    if (r.downloads)
        r.downloadsAllTime = *r.downloads * (2 + std::int64_t(rng.below(19)));
    if (rng.chance(0.3))
        r.trendingScore = std::int64_t(std::pow(rng.uniform() + 1e-9, -1.2)) - 1;
    if (hfModels.size() < 8 || !rng.chance(0.45))
        return;
    // 70%: one of the first few dozen models, the most often the first ones; else any earlier one.
    const std::size_t foundations = std::min<std::size_t>(hfModels.size(), 48);
    const std::size_t pick = rng.chance(0.7) ? std::size_t(double(foundations) * std::pow(rng.uniform(), 2.5))
                                             : std::size_t(rng.below(std::uint64_t(hfModels.size())));
    const std::string &base = models[hfModels[std::min(pick, hfModels.size() - 1)]].id;
    const double kind = rng.uniform();
    const char *relation = kind < 0.6 ? "finetune" : kind < 0.85 ? "quantized" : kind < 0.97 ? "adapter" : "merge";
    r.baseModels = base;
    r.tags = *r.tags + ";base_model:" + base + ";base_model:" + relation + ":" + base;
}

// The listings, each written through catalogue; or, without one, only made again in memory
// (to finish a demo whose listings are in: the same draws of rng, nothing written).
std::vector<DemoModel> listModels(Rng &rng, const DemoOptions &opt, std::int64_t endDay, CatalogueWriter *catalogue,
                                  const std::function<void(std::int64_t)> &tick)
{
    // Supply: listings spread over three years, more of them recently.
    std::vector<DemoModel> models;
    models.reserve(size_t(opt.models));
    std::unordered_set<std::string> ids;
    Rng supplyRng(opt.seed ^ 0x5eed5a99ull);
    std::vector<std::size_t> hfModels; // indexes into models
    for (std::int64_t i = 0; i < opt.models; ++i) {
        ModelRecord r;
        const bool og = rng.chance(0.18);
        std::string author, name;
        const char *task;
        std::string_view size;
        if (og) {
            author = rng.chance(0.35) ? kOgAuthors[0] : rng.pick(kOgAuthors);
            task = pickTask(rng, kOgTasks);
            name = std::string(rng.chance(0.5) ? "og-" : "") + (rng.chance(0.5) ? "1hr-" : "") + slug(task) + "-"
                   + rng.pick(kOgSubjects);
            r.framework = "onnx";
            r.versions = 1 + std::int64_t(rng.below(6));
            r.files = 1 + std::int64_t(rng.below(3));
            r.description = "Predicts " + slug(task) + " for " + rng.pick(kOgSubjects)
                            + " from on-chain features.\n\nInputs: float32 tensor.";
        } else {
            // Authors are heavy-tailed too: a few labs, a long tail of individuals.
            if (rng.chance(0.45)) {
                author = rng.pick(kHfAuthors);
            } else {
                author = std::string(rng.pick(kSyllables)) + rng.pick(kSyllables) + rng.pick(kSyllables);
                if (rng.chance(0.4))
                    author += std::to_string(rng.below(100));
            }
            task = pickTask(rng, kHfTasks);
            size = rng.pick(kSizes);
            name = std::string(rng.pick(kHfFamilies)) + "-" + std::string(size);
            if (rng.chance(0.6))
                name += rng.pick(kHfSuffixes);
            const char *framework = std::string_view(task) == "text-to-image" ? "diffusers"
                                    : rng.chance(0.15)                         ? "gguf"
                                                                               : "transformers";
            r.framework = framework;
            r.versions = 1;
            r.files = 3 + std::int64_t(rng.below(12));
            r.license = rng.pick(kLicenses);
            r.tags = std::string(framework) + ";" + task + ";license:" + *r.license + ";en";
            // Listed popularity: downloads follow a power law and say little about calls.
            const double d = std::pow(rng.uniform() + 1e-9, -1.6);
            r.downloads = std::int64_t(d * 3) - 3 + std::int64_t(rng.below(4));
            r.likes = *r.downloads / (200 + std::int64_t(rng.below(800)));
        }
        std::string id = author + "/" + name;
        if (!ids.insert(id).second) {
            id += "-" + std::to_string(i);
            ids.insert(id);
        }
        r.modelId = id;
        r.author = author;
        r.name = id.substr(author.size() + 1);
        r.task = task;
        const double age = 1095.0 * (1.0 - std::pow(rng.uniform(), 0.55));
        r.createdAt = (endDay - std::int64_t(age)) * 86400 + std::int64_t(rng.below(86400));
        r.updatedAt = *r.createdAt + std::int64_t(rng.uniform() * age * 0.5 * 86400);
        if (catalogue) {
            if (!og)
                addSupply(r, size, hfModels, models, supplyRng);
            catalogue->upsert(r);
        }
        if (!og)
            hfModels.push_back(models.size());
        models.push_back({std::move(id), og});
        if (i % 4096 == 0)
            tick(i);
    }
    return models;
}

void writeHistory(Database &db, const DemoOptions &opt, std::int64_t endDay, const std::function<void(double)> &tick)
{
    // History: registries report only today's downloads, so a real cache learns popularity
    // one sync at a time. The demo pretends it was synced weekly for the last quarter: some
    // listings climb, some fade, none existed before its listing date.
    Statement snap(db, "INSERT INTO snapshots(taken_at, kind, source) VALUES(?, 'demo', ?)");
    std::int64_t firstSnapshot = 0; // the twelve ids follow one another: new rowids, one transaction
    for (int weeksAgo = DemoHistoryWeeks; weeksAgo >= 1; --weeksAgo) {
        const std::int64_t takenAt = (endDay - 7 * weeksAgo) * 86400 + 12 * 3600;
        snap.bind(1, takenAt).bind(2, QStringLiteral("seed %1, %2 weeks earlier").arg(opt.seed).arg(weeksAgo)).run();
        if (weeksAgo == DemoHistoryWeeks)
            firstSnapshot = db.lastInsertRowId();
    }
    // The rows go in the order of the table's key (model, then snapshot), a slice of models
    // at a time: appended next to each model's listing snapshot, not twelve passes that each
    // split pages all over the table.
    Statement pop(db, R"sql(
WITH RECURSIVE week(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM week WHERE n + 1 < ?5)
INSERT INTO popularity(model, snapshot, downloads, likes)
SELECT id, ?1 + n, max(0, CAST(downloads * (1.0 - (?5 - n) * ((id % 9) - 3) * 0.012) * (1.0 + ((id * (?5 - n)) % 7 - 3) * 0.01) AS INTEGER)),
       max(0, CAST(likes * (1.0 - (?5 - n) * ((id % 9) - 3) * 0.012) AS INTEGER))
FROM models, week
WHERE id >= ?2 AND id < ?3 AND downloads IS NOT NULL AND created_at <= (?4 - 7 * (?5 - n)) * 86400 + 12 * 3600
ORDER BY id, n
)sql");
    Cache::forEachIdSlice(db, 32, [&](std::int64_t from, std::int64_t to, double done) {
        pop.bind(1, firstSnapshot).bind(2, from).bind(3, to).bind(4, endDay).bind(5, std::int64_t(DemoHistoryWeeks)).run();
        tick(done);
    });
}

// The calls, through the writer (whose finish() the caller makes).
void writeCalls(UsageWriter &usage, Rng &rng, const DemoOptions &opt, std::int64_t endDay,
                const std::vector<DemoModel> &models, const std::function<void(std::int64_t)> &tick)
{
    // Demand: about a quarter of the models are ever called, with Zipf weights; OpenGradient
    // models more often, since their calls are the ones this registry routes.
    std::vector<std::uint32_t> called;
    for (std::uint32_t i = 0; i < models.size(); ++i)
        if (rng.chance(models[i].og ? 0.55 : 0.2))
            called.push_back(i);
    for (size_t i = called.size(); i > 1; --i) // Fisher-Yates with our own generator
        std::swap(called[i - 1], called[rng.below(i)]);
    std::vector<double> cumulative(called.size());
    double acc = 0;
    for (size_t r = 0; r < called.size(); ++r) {
        acc += 1.0 / std::pow(double(r + 1), 1.15);
        cumulative[r] = acc;
    }
    // Demand has shapes (CONTRACT 3b), and the demo shows them so that its first screen can
    // tell interest from lasting demand: most callers try a model once; some come back week
    // after week; a launch brings a burst that fades; a few models live on one busy wallet; a
    // few niches keep a small loyal crowd; and some volume is bought, one caller on one day.
    enum class Shape : std::uint8_t { Casual, Lasting, Passing, Whale, Niche, Bought };
    struct Demand
    {
        Shape shape = Shape::Casual;
        std::int64_t launch = 0;  // the first day it can be called
        std::uint32_t pool = 1;   // its regulars
    };
    std::vector<Demand> demand(called.size());
    for (size_t r = 0; r < called.size(); ++r) {
        Demand &d = demand[r];
        d.launch = endDay - 119 + std::int64_t(rng.below(100)); // at least three weeks of history
        if (r < 200 && rng.chance(0.08)) {
            d.shape = Shape::Bought;
            continue;
        }
        const double u = rng.uniform();
        d.shape = u < 0.25   ? Shape::Lasting
                  : u < 0.55 ? Shape::Passing
                  : u < 0.63 ? Shape::Whale
                  : u < 0.73 ? Shape::Niche
                             : Shape::Casual;
        // Regulars make ten calls or so each over their time with the model (about weekly; more
        // on a lasting one), so a model's pool follows the calls its rank brings.
        const double expected = double(opt.events) / std::pow(double(r + 1), 1.15) / acc;
        const auto pool = [](double n) { return std::uint32_t(std::clamp(n, 1.0, 1e6)); };
        switch (d.shape) {
        case Shape::Lasting: d.pool = pool(expected * 0.95 / 15); break;
        case Shape::Passing: d.pool = pool(expected * 0.05 / 4); break;
        case Shape::Niche: d.pool = pool(std::min(expected / 12, 25.0)); break;
        case Shape::Casual: d.pool = pool(expected * 0.55 / 10); break;
        default: break;
        }
        if (d.shape == Shape::Casual)
            d.launch = endDay - 120; // usage grows over the whole period, below
    }

    // Regulars are shared by models (a caller is one person across models); each starts on a
    // day of its own with each model and calls it from then on.
    std::vector<std::string> regulars(150000);
    for (std::string &a : regulars)
        a = address(rng);
    auto regular = [&](std::uint32_t model, std::uint64_t k) -> const std::string & {
        return regulars[(std::uint64_t(model) * 131 + k) % regulars.size()];
    };
    // A regular's time with a model: from a start day of its own to the day it drifts away,
    // weeks later, so that retention falls with time; a share of them (most, on a model
    // with lasting demand) stays to the end.
    struct Span
    {
        std::int64_t first, last;
    };
    auto regularSpan = [&](std::uint32_t model, std::uint64_t k, std::int64_t launch, double loyalty) {
        Rng h((std::uint64_t(model) << 20) ^ k);
        const std::int64_t first = launch + std::int64_t(h.below(std::uint64_t(endDay - launch + 1)));
        const bool stays = h.chance(loyalty);
        const std::int64_t life = 14 + std::int64_t(-std::log(1.0 - h.uniform()) * 42.0);
        return Span{first, stays ? endDay : std::min(endDay, first + life)};
    };
    auto afterDay = [&](std::int64_t from) { return from + std::int64_t(rng.below(std::uint64_t(endDay - from + 1))); };

    std::string eventId, lastEventId, fresh;
    for (std::int64_t e = 0; e < opt.events && !called.empty(); ++e) {
        const double u = rng.uniform() * acc;
        const size_t rank = size_t(std::lower_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
        const size_t r = std::min(rank, called.size() - 1);
        const std::uint32_t index = called[r];
        const DemoModel &m = models[index];
        const Demand &d = demand[r];

        UsageEvent ev;
        std::int64_t day = 0;
        // A caller never seen before, who (almost surely) never comes back.
        auto oneOff = [&]() -> const std::string & {
            fresh = address(rng);
            return fresh;
        };
        // One of the model's regulars, on a day from its own start on.
        auto fromRegular = [&](std::uint32_t pool) -> const std::string & {
            const std::uint64_t k = rng.below(pool);
            const bool loyal = d.shape == Shape::Lasting || d.shape == Shape::Niche;
            const Span span = regularSpan(index, k, d.launch, loyal ? 0.6 : 0.25);
            day = span.first + std::int64_t(rng.below(std::uint64_t(span.last - span.first + 1)));
            return regular(index, k);
        };
        switch (d.shape) {
        case Shape::Bought:
            ev.caller = regulars[(r * 7919) % regulars.size()];
            day = endDay - std::int64_t((r * 31) % 120);
            break;
        case Shape::Lasting:
            if (rng.chance(0.95)) {
                ev.caller = fromRegular(d.pool);
            } else {
                ev.caller = oneOff();
                day = afterDay(d.launch);
            }
            break;
        case Shape::Passing:
            if (rng.chance(0.75)) { // the launch week's curiosity
                ev.caller = oneOff();
                day = std::min(endDay, d.launch + std::int64_t(rng.below(7)));
            } else if (rng.chance(0.2)) {
                ev.caller = fromRegular(d.pool / 4 + 1);
            } else {
                ev.caller = oneOff();
                day = afterDay(d.launch);
            }
            break;
        case Shape::Whale:
            if (rng.chance(0.85)) {
                ev.caller = regular(index, 7);
                day = afterDay(d.launch);
            } else {
                ev.caller = oneOff();
                day = afterDay(d.launch);
            }
            break;
        case Shape::Niche:
            ev.caller = fromRegular(d.pool);
            break;
        case Shape::Casual:
            if (rng.chance(0.55)) {
                ev.caller = fromRegular(d.pool);
            } else {
                ev.caller = oneOff();
                // Usage grows over the 120 days.
                day = std::min(endDay, endDay - std::int64_t(120.0 * (1.0 - std::sqrt(rng.uniform()))));
            }
            break;
        }
        ev.timestamp = day * 86400 + std::int64_t(rng.below(86400));
        ev.modelId = m.id;
        const double mode = rng.uniform();
        ev.mode = mode < (m.og ? 0.30 : 0.03)   ? TextRules::Mode::Tee
                  : mode < (m.og ? 0.42 : 0.04) ? TextRules::Mode::Zkml
                                                : TextRules::Mode::Vanilla;
        switch (ev.mode) {
        // Verification is not payment: some verified calls are free trials or sponsored.
        case TextRules::Mode::Tee: ev.feeNano = rng.chance(0.75) ? 2000000 : 0; break;
        case TextRules::Mode::Zkml: ev.feeNano = rng.chance(0.85) ? 5000000 + std::int64_t(rng.below(4)) * 250000 : 0; break;
        case TextRules::Mode::Vanilla: ev.feeNano = rng.chance(0.6) ? 500000 : 0; break;
        }
        ev.failed = rng.chance(0.02);
        // Logs repeat themselves now and then; the importer must count such an event once.
        if (!lastEventId.empty() && rng.chance(0.004)) {
            eventId = lastEventId;
        } else {
            eventId = "0x" + hex(rng.next(), 16) + hex(rng.next(), 16) + hex(std::uint64_t(e), 16)
                      + hex(opt.seed, 16);
        }
        ev.eventId = eventId;
        usage.add(ev);
        lastEventId = eventId;
        if (e % 4096 == 0)
            tick(e);
    }
}

// What the bar follows: the work's measured cost, not its count of records. At the default
// size, timed phase by phase (units of about 0.7 us here): a listing costs 8, its share of
// the indexes and search terms 46, its weekly popularity history 9.5, making a call 2.7 and
// writing the calls' day rows at the end 1.3 a call.
class Plan
{
public:
    static constexpr double Listing = 8, Indexes = 46, History = 9.5, Call = 2.7, DayRows = 1.3;

    Plan(const DemoOptions &opt, bool listingsIn, const ProgressFn &progress)
        : m_models(double(opt.models))
        , m_events(double(opt.events))
        , m_progress(progress)
    {
        if (!listingsIn)
            m_total += m_models * (Listing + Indexes);
        m_total += m_models * History + m_events * (Call + DayRows);
    }
    // The work is at units of total: tells the bar, or throws Cancelled when it is to stop.
    void at(double units)
    {
        if (m_progress && !m_progress(std::int64_t(std::min(units, m_total)), std::int64_t(m_total)))
            throw Cancelled();
    }
    double models() const { return m_models; }
    double events() const { return m_events; }
    double total() const { return m_total; }

private:
    double m_models, m_events, m_total = 0;
    const ProgressFn &m_progress;
};

// The mark of a demo whose listings are in and whose usage is not: the options to finish it.
constexpr const char *PendingKey = "demo_pending";

std::optional<DemoOptions> pendingOptions(Database &db)
{
    Statement st(db, "SELECT value FROM meta WHERE key = 'demo_pending'");
    if (!st.step())
        return std::nullopt;
    const QStringList parts = st.text(0).split(QLatin1Char(' '));
    DemoOptions opt;
    bool ok[4] = {};
    if (parts.size() == 4) {
        opt.models = parts[0].toLongLong(&ok[0]);
        opt.events = parts[1].toLongLong(&ok[1]);
        opt.seed = parts[2].toULongLong(&ok[2]);
        opt.endDay = parts[3].toLongLong(&ok[3]);
    }
    if (!(ok[0] && ok[1] && ok[2] && ok[3]) || opt.models < 1 || opt.events < 0)
        throw DbError(QObject::tr("the cache's mark of an unfinished demo is damaged (%1)").arg(st.text(0)),
                      SQLITE_CORRUPT);
    return opt;
}

} // namespace

namespace Demo {

DemoResult generate(Database &db, const DemoOptions &requested, const ProgressFn &progress,
                    const std::function<void()> &listed)
{
    const std::optional<DemoOptions> pending = pendingOptions(db);
    DemoOptions opt = pending.value_or(requested);
    const std::int64_t endDay = opt.endDay.value_or(QDateTime::currentSecsSinceEpoch() / 86400);
    opt.endDay = endDay;
    Rng rng(opt.seed);
    Plan plan(opt, pending.has_value(), progress);
    double base = 0; // the units of the phases done
    DemoResult result;
    result.models = opt.models;

    // The demo fills an empty catalogue: without a WAL as large as the cache where it can,
    // with its indexes built once at the end, not row by row, and in two transactions, so
    // that the window shows the listings while the usage is made.
    const bool empty = !pending && Cache::modelCount(db) == 0;
    std::optional<Cache::RollbackJournal> journal;
    if (empty || pending)
        journal.emplace(db);
    std::optional<Transaction> tx;
    tx.emplace(db);
    std::vector<DemoModel> models;
    if (pending) {
        models = listModels(rng, opt, endDay, nullptr, [](std::int64_t) {});
    } else {
        Cache::beginSnapshot(db, QStringLiteral("demo"), QStringLiteral("seed %1").arg(opt.seed));
        std::optional<Cache::BulkLoad> bulk;
        if (empty)
            bulk.emplace(db);
        CatalogueWriter catalogue(db);
        models = listModels(rng, opt, endDay, &catalogue,
                            [&](std::int64_t i) { plan.at(double(i) * Plan::Listing); });
        base = plan.models() * Plan::Listing;
        if (bulk)
            bulk->finish([&](double f) { plan.at(base + f * plan.models() * Plan::Indexes); });
        base += plan.models() * Plan::Indexes;
        if (empty) {
            Statement mark(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
            mark.bind(1, QString::fromLatin1(PendingKey))
                .bind(2, QStringLiteral("%1 %2 %3 %4").arg(opt.models).arg(opt.events).arg(opt.seed).arg(endDay))
                .run();
            tx->commit();
            Cache::endSnapshot(db);
            plan.at(base);
            if (listed)
                listed();
            tx.emplace(db);
        }
    }
    writeHistory(db, opt, endDay, [&](double f) { plan.at(base + f * plan.models() * Plan::History); });
    base += plan.models() * Plan::History;
    plan.at(base);

    UsageWriter usage(db);
    writeCalls(usage, rng, opt, endDay, models, [&](std::int64_t e) { plan.at(base + double(e) * Plan::Call); });
    base += plan.events() * Plan::Call;
    usage.setFinishProgress([&](std::int64_t done, std::int64_t total) {
        plan.at(base + (total ? double(done) / double(total) : 1.0) * plan.events() * Plan::DayRows);
    });
    const UsageSummary s = usage.finish();
    result.events = s.added;
    result.duplicates = s.duplicates;

    Statement mark(db, "INSERT OR REPLACE INTO meta(key, value) VALUES('demo_seed', ?)");
    mark.bind(1, std::int64_t(opt.seed)).run();
    Statement done(db, "DELETE FROM meta WHERE key = ?");
    done.bind(1, QString::fromLatin1(PendingKey)).run();
    ShortTerms::refresh(db);
    plan.at(plan.total());
    tx->commit();
    Cache::endSnapshot(db);
    return result;
}

bool isPending(Database &db)
{
    return db.queryInt("SELECT count(*) FROM meta WHERE key = 'demo_pending'").value_or(0) > 0;
}

bool isDemoCache(Database &db)
{
    return db.queryInt("SELECT count(*) FROM meta WHERE key IN ('demo_seed', 'demo_pending')").value_or(0) > 0;
}

} // namespace Demo

} // namespace uptake
