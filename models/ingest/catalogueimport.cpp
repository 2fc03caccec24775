#include "ingest/importparts.h"

namespace uptake {

namespace ImportParts {

// Catalogue

std::optional<std::string> optText(std::string_view s)
{
    s = TextRules::trim(s);
    if (s.empty())
        return std::nullopt;
    return std::string(s);
}

enum CatColumn {
    CModel, CAuthor, CName, CTask, CFramework, CLicense, CTags, CCreated, CUpdated,
    CVersions, CFiles, CDownloads, CLikes, CDescription, CParameters, CBaseModels, CGated, CDownloadsAllTime,
    CTrending, CColumnCount
};
constexpr std::array<std::string_view, CColumnCount> kCatalogueNames = {
    "model_id", "author", "name", "task", "framework", "license", "tags", "created_at", "updated_at",
    "versions", "files", "downloads", "likes", "description", "parameters", "base_models", "gated",
    "downloads_all_time", "trending_score"};

using CatValues = std::array<std::optional<std::string_view>, CColumnCount>;

QString colName(std::string_view n)
{
    return QString::fromLatin1(n.data(), qsizetype(n.size()));
}

// A model card can name any number of bases; the first ones are kept (hostile text: a list
// of 100,000 would cost a quadratic check and as many family links for one model).
constexpr std::size_t kMaxBaseModels = 64;

// Adds one base model id to a ';'-separated list: trimmed; left out when empty, when it could
// not be a model id (or holds the separator), when the list has it already or is full.
void addBaseModel(std::string &list, std::string_view id)
{
    id = TextRules::trim(id);
    if (checkModelId(id) || id.find(';') != std::string_view::npos)
        return;
    if (!list.empty() && std::size_t(std::count(list.begin(), list.end(), ';')) + 1 >= kMaxBaseModels)
        return;
    for (const std::string_view known : TextRules::listItems(list))
        if (known == id)
            return;
    if (!list.empty())
        list += ';';
    list += id;
}

std::optional<std::string> baseModelList(std::string_view separated)
{
    std::string list;
    for (const std::string_view item : TextRules::listItems(separated))
        addBaseModel(list, item);
    return list.empty() ? std::nullopt : std::optional<std::string>(std::move(list));
}

// The CSV mapping (also used for JSON records that use the CSV column names).
std::optional<QString> catalogueFromColumns(const CatValues &v, ModelRecord &r)
{
    if (!v[CModel] || TextRules::trim(*v[CModel]).empty())
        return QStringLiteral("model_id is empty");
    r.modelId = std::string(TextRules::trim(*v[CModel]));
    if (auto problem = modelIdProblem(r.modelId))
        return problem;
    for (int c : {CAuthor, CName, CTask, CFramework, CLicense, CTags, CDescription}) {
        const auto &val = v[std::size_t(c)];
        if (!val)
            continue;
        if (!validUtf8(*val))
            return withValue(QStringLiteral("%1 is not valid UTF-8").arg(colName(kCatalogueNames[std::size_t(c)])), *val);
        std::optional<std::string> text = optText(*val);
        switch (c) {
        case CAuthor: r.author = std::move(text); break;
        case CName: r.name = std::move(text); break;
        case CTask: r.task = std::move(text); break;
        case CFramework: r.framework = std::move(text); break;
        case CLicense: r.license = std::move(text); break;
        case CTags: r.tags = std::move(text); break;
        default: r.description = std::move(text); break;
        }
    }
    for (int c : {CCreated, CUpdated}) {
        const auto &val = v[std::size_t(c)];
        if (!val || TextRules::trim(*val).empty())
            continue;
        const auto ts = TextRules::parseTimestamp(*val);
        if (!ts)
            return withValue(
                QStringLiteral("%1 is not an ISO 8601 date or Unix seconds").arg(colName(kCatalogueNames[std::size_t(c)])), *val);
        (c == CCreated ? r.createdAt : r.updatedAt) = ts;
    }
    for (int c : {CVersions, CFiles, CDownloads, CLikes}) {
        const auto &val = v[std::size_t(c)];
        if (!val || TextRules::trim(*val).empty())
            continue;
        const auto n = parseCount(*val);
        if (!n)
            return withValue(QStringLiteral("%1 is not a whole number").arg(colName(kCatalogueNames[std::size_t(c)])), *val);
        switch (c) {
        case CVersions: r.versions = n; break;
        case CFiles: r.files = n; break;
        case CDownloads: r.downloads = n; break;
        default: r.likes = n; break;
        }
    }
    for (int c : {CParameters, CDownloadsAllTime, CTrending}) {
        const auto &val = v[std::size_t(c)];
        if (!val || TextRules::trim(*val).empty())
            continue;
        const auto n = TextRules::parseWhole(*val, c == CTrending);
        if (!n)
            return withValue(QStringLiteral("%1 is not a whole number").arg(colName(kCatalogueNames[std::size_t(c)])), *val);
        (c == CParameters ? r.parameters : c == CTrending ? r.trendingScore : r.downloadsAllTime) = n;
    }
    if (const auto &val = v[CBaseModels]) {
        if (!validUtf8(*val))
            return withValue(QStringLiteral("base_models is not valid UTF-8"), *val);
        r.baseModels = baseModelList(*val);
    }
    if (const auto &val = v[CGated]; val && !TextRules::trim(*val).empty()) {
        r.gated = TextRules::parseGated(*val);
        if (!r.gated)
            return withValue(QStringLiteral("gated is not true, false, auto or manual"), *val);
    }
    return std::nullopt;
}

// Model-file extensions that say which framework a model is for.
std::optional<std::string> frameworkOf(std::string_view fileName)
{
    static const char *const kKnown[] = {"onnx", "pt", "pth", "safetensors", "gguf", "ggml", "tflite", "pb",
                                         "h5",   "keras", "pkl", "joblib", "ckpt", "mlmodel", "xgb", "bin"};
    const std::size_t dot = fileName.rfind('.');
    if (dot == std::string_view::npos || dot + 1 >= fileName.size())
        return std::nullopt;
    std::string ext(fileName.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    for (const char *k : kKnown)
        if (ext == k)
            return ext;
    return std::nullopt;
}

// What one JSON catalogue record holds, before choosing a mapping.
struct JsonModel
{
    CatValues columns; // members named like the CSV columns
    std::optional<std::string> id, modelId, author, pipelineTag, libraryName, taskName, authorUsername, name,
        description, createdAt, lastModified;
    std::optional<std::int64_t> downloads, likes;
    std::optional<std::string> tags, license; // from an array of tags
    std::optional<std::int64_t> siblings;
    // OpenGradient versions
    std::optional<std::int64_t> versionCount;
    std::optional<std::int64_t> newestAt, earliestAt;
    std::optional<std::int64_t> newestFiles;
    std::optional<std::string> newestFramework;
    // Supply as the Hub publishes it now (contract section 1), each as the source says.
    std::optional<std::int64_t> safetensorsTotal, numParameters, downloadsAllTime, trendingScore;
    std::optional<std::string> cardBaseModels, apiBaseModels;
    std::optional<bool> gated;
};

struct Version
{
    std::optional<std::int64_t> createdAt;
    std::optional<std::int64_t> files;
    std::optional<std::string> framework;
};

std::optional<QString> readVersion(od::value value, Version &ver)
{
    od::object obj;
    if (value.get_object().get(obj))
        return QStringLiteral("a version is not a JSON object");
    for (auto member : obj) {
        od::field field;
        std::string_view key;
        if (std::move(member).get(field) || field.unescaped_key().get(key))
            return QStringLiteral("a version is not valid JSON");
        if (key == "createdAt") {
            std::optional<std::string_view> s;
            if (!scalarText(field.value(), s))
                return QStringLiteral("a version's createdAt is not a string");
            if (s && !s->empty()) {
                ver.createdAt = TextRules::parseTimestamp(*s);
                if (!ver.createdAt)
                    return withValue(QStringLiteral("a version's createdAt is not an ISO 8601 date"), *s);
            }
        } else if (key == "files") {
            od::array files;
            if (field.value().get_array().get(files))
                return QStringLiteral("a version's files is not an array");
            std::int64_t n = 0;
            for (auto f : files) {
                od::value fv;
                if (std::move(f).get(fv))
                    return QStringLiteral("a version's files is not valid JSON");
                ++n;
                od::object fo;
                if (fv.get_object().get(fo))
                    continue;
                std::string_view fileName;
                if (!fo.find_field_unordered("name").get_string().get(fileName) && !ver.framework)
                    ver.framework = frameworkOf(fileName);
            }
            ver.files = n;
        }
    }
    return std::nullopt;
}

std::optional<QString> readJsonModel(od::parser &parser, std::string_view text, JsonModel &m)
{
    const auto str = [](od::value &v, std::optional<std::string> &out, const char *name) -> std::optional<QString> {
        std::optional<std::string_view> s;
        if (!scalarText(v, s))
            return QStringLiteral("%1 is not a string").arg(QLatin1String(name));
        if (s && !TextRules::trim(*s).empty())
            out = std::string(TextRules::trim(*s));
        else
            out.reset();
        return std::nullopt;
    };
    const auto count = [](od::value &v, std::optional<std::int64_t> &out, const char *name) -> std::optional<QString> {
        std::optional<std::string_view> s;
        if (!scalarText(v, s))
            return QStringLiteral("%1 is not a whole number").arg(QLatin1String(name));
        out.reset();
        if (s && !s->empty()) {
            out = parseCount(*s);
            if (!out)
                return withValue(QStringLiteral("%1 is not a whole number").arg(QLatin1String(name)), *s);
        }
        return std::nullopt;
    };

    // numParameters, downloadsAllTime, trendingScore: whole numbers, which the Hub may write
    // with a fraction ("136731648.0").
    const auto whole = [](od::value &v, std::optional<std::int64_t> &out, const char *name,
                          bool allowNegative) -> std::optional<QString> {
        std::optional<std::string_view> s;
        if (!scalarText(v, s))
            return QStringLiteral("%1 is not a number").arg(QLatin1String(name));
        out.reset();
        if (s && !TextRules::trim(*s).empty()) {
            out = TextRules::parseWhole(*s, allowNegative);
            if (!out)
                return withValue(QStringLiteral("%1 is not a whole number").arg(QLatin1String(name)), *s);
        }
        return std::nullopt;
    };
    const auto isNull = [](od::value &v) {
        od::json_type t;
        return !v.type().get(t) && t == od::json_type::null;
    };

    return forEachField(parser, text, [&](std::string_view key, od::value v) -> std::optional<QString> {
        if (key == "numParameters")
            return whole(v, m.numParameters, "numParameters", false);
        if (key == "downloadsAllTime")
            return whole(v, m.downloadsAllTime, "downloadsAllTime", false);
        if (key == "trendingScore")
            return whole(v, m.trendingScore, "trendingScore", true);
        if (key == "gated") {
            // false, or the gating mode ("auto", "manual"); some answers say true.
            od::json_type t;
            if (v.type().get(t))
                return QStringLiteral("gated is not valid JSON");
            m.gated.reset();
            if (t == od::json_type::boolean) {
                bool b = false;
                if (v.get_bool().get(b))
                    return QStringLiteral("gated is not valid JSON");
                m.gated = b;
                return std::nullopt;
            }
            std::optional<std::string_view> s;
            if (!scalarText(v, s))
                return QStringLiteral("gated is not true, false or a gating mode");
            if (s && !TextRules::trim(*s).empty()) {
                m.gated = TextRules::parseGated(*s);
                if (!m.gated)
                    return withValue(QStringLiteral("gated is not true, false, auto or manual"), *s);
            }
            return std::nullopt;
        }
        if (key == "safetensors") {
            // {"parameters": {"F32": n, ...}, "total": n}
            if (isNull(v))
                return std::nullopt;
            od::object obj;
            if (v.get_object().get(obj))
                return QStringLiteral("safetensors is not an object");
            for (auto member : obj) {
                od::field field;
                std::string_view name;
                if (std::move(member).get(field) || field.unescaped_key().get(name))
                    return QStringLiteral("safetensors is not valid JSON");
                if (name == "total") {
                    od::value total = field.value();
                    return whole(total, m.safetensorsTotal, "safetensors.total", false);
                }
            }
            return std::nullopt;
        }
        if (key == "cardData") {
            // The model card's front matter, written by hand: base_model is a string or a list
            // of them; anything else in it is not ours to judge.
            od::object obj;
            if (isNull(v) || v.get_object().get(obj))
                return std::nullopt;
            for (auto member : obj) {
                od::field field;
                std::string_view name;
                if (std::move(member).get(field) || field.unescaped_key().get(name))
                    return QStringLiteral("cardData is not valid JSON");
                if (name != "base_model")
                    continue;
                std::string list;
                od::value bm = field.value();
                od::json_type t;
                if (bm.type().get(t))
                    return QStringLiteral("cardData is not valid JSON");
                std::string_view one;
                if (t == od::json_type::string && !bm.get_string().get(one)) {
                    addBaseModel(list, one);
                } else if (t == od::json_type::array) {
                    for (auto el : bm.get_array()) {
                        od::value ev;
                        if (std::move(el).get(ev))
                            return QStringLiteral("cardData is not valid JSON");
                        if (!ev.get_string().get(one))
                            addBaseModel(list, one);
                    }
                }
                if (!list.empty())
                    m.cardBaseModels = std::move(list);
                return std::nullopt;
            }
            return std::nullopt;
        }
        if (key == "baseModels") {
            // {"relation": "finetune", "models": [{"id": "org/base"}, ...]}
            if (isNull(v))
                return std::nullopt;
            od::object obj;
            if (v.get_object().get(obj))
                return QStringLiteral("baseModels is not an object");
            for (auto member : obj) {
                od::field field;
                std::string_view name;
                if (std::move(member).get(field) || field.unescaped_key().get(name))
                    return QStringLiteral("baseModels is not valid JSON");
                if (name != "models")
                    continue;
                od::value models = field.value();
                if (isNull(models))
                    return std::nullopt;
                od::array arr;
                if (models.get_array().get(arr))
                    return QStringLiteral("baseModels.models is not an array");
                std::string list;
                for (auto el : arr) {
                    od::value ev;
                    od::object mo;
                    if (std::move(el).get(ev) || ev.get_object().get(mo))
                        return QStringLiteral("baseModels.models holds something other than objects");
                    std::string_view baseId;
                    if (!mo.find_field_unordered("id").get_string().get(baseId))
                        addBaseModel(list, baseId);
                }
                if (!list.empty())
                    m.apiBaseModels = std::move(list);
                return std::nullopt;
            }
            return std::nullopt;
        }
        if (key == "id")
            return str(v, m.id, "id");
        if (key == "modelId")
            return str(v, m.modelId, "modelId");
        if (key == "author")
            return str(v, m.author, "author");
        if (key == "pipeline_tag")
            return str(v, m.pipelineTag, "pipeline_tag");
        if (key == "library_name")
            return str(v, m.libraryName, "library_name");
        if (key == "taskName")
            return str(v, m.taskName, "taskName");
        if (key == "authorUsername")
            return str(v, m.authorUsername, "authorUsername");
        if (key == "name")
            return str(v, m.name, "name");
        if (key == "description")
            return str(v, m.description, "description");
        if (key == "createdAt")
            return str(v, m.createdAt, "createdAt");
        if (key == "lastModified")
            return str(v, m.lastModified, "lastModified");
        if (key == "downloads")
            return count(v, m.downloads, "downloads");
        if (key == "likes")
            return count(v, m.likes, "likes");
        if (key == "tags") {
            od::json_type t;
            if (!v.type().get(t) && t == od::json_type::array) {
                std::string joined;
                bool any = false;
                for (auto el : v.get_array()) {
                    std::string_view tag;
                    if (el.get_string().get(tag))
                        return QStringLiteral("tags holds something other than text");
                    tag = TextRules::trim(tag);
                    if (!m.license && tag.substr(0, 8) == "license:" && tag.size() > 8)
                        m.license = std::string(tag.substr(8));
                    if (any)
                        joined += ';';
                    joined += tag;
                    any = true;
                }
                m.tags = any ? std::optional<std::string>(std::move(joined)) : std::nullopt;
                if (!any)
                    m.tags.reset();
                return std::nullopt;
            }
            // A string of ';'-separated tags, as in the CSV.
            if (!scalarText(v, m.columns[CTags]))
                return QStringLiteral("tags is not an array or a string");
            if (m.columns[CTags]) {
                m.tags = optText(*m.columns[CTags]);
                m.columns[CTags].reset();
            }
            return std::nullopt;
        }
        if (key == "siblings") {
            od::array arr;
            od::json_type t;
            if (!v.type().get(t) && t == od::json_type::null)
                return std::nullopt;
            if (v.get_array().get(arr))
                return QStringLiteral("siblings is not an array");
            std::int64_t n = 0;
            for (auto el : arr) {
                od::value ev;
                if (std::move(el).get(ev))
                    return QStringLiteral("siblings is not valid JSON");
                ++n;
            }
            m.siblings = n;
            return std::nullopt;
        }
        if (key == "versions") {
            od::json_type t;
            if (!v.type().get(t) && (t == od::json_type::null))
                return std::nullopt;
            if (!v.type().get(t) && t != od::json_type::array) {
                // A number of versions, as in the CSV.
                return count(v, m.versionCount, "versions");
            }
            od::array arr;
            if (v.get_array().get(arr))
                return QStringLiteral("versions is not an array");
            std::int64_t n = 0;
            std::optional<Version> newest;
            for (auto el : arr) {
                od::value ev;
                if (std::move(el).get(ev))
                    return QStringLiteral("versions is not valid JSON");
                Version ver;
                if (auto r = readVersion(ev, ver))
                    return r;
                ++n;
                if (ver.createdAt && (!m.earliestAt || *ver.createdAt < *m.earliestAt))
                    m.earliestAt = ver.createdAt;
                // Newest by date; undated versions count as listed in order, oldest first.
                if (!newest || !newest->createdAt || (ver.createdAt && *ver.createdAt >= *newest->createdAt))
                    newest = std::move(ver);
            }
            m.versionCount = n;
            if (newest) {
                m.newestAt = newest->createdAt;
                m.newestFiles = newest->files;
                m.newestFramework = newest->framework;
            }
            return std::nullopt;
        }
        for (int c = 0; c < CColumnCount; ++c) {
            if (c == CTags || c == CVersions || c == CGated)
                continue;
            if (key == kCatalogueNames[std::size_t(c)]) {
                if (!scalarText(v, m.columns[std::size_t(c)]))
                    return QStringLiteral("%1 is not a string or a number").arg(colName(key));
                return std::nullopt;
            }
        }
        return std::nullopt;
    });
}

std::optional<QString> parseTime(const std::optional<std::string> &text, const char *name,
                                 std::optional<std::int64_t> &out)
{
    if (!text)
        return std::nullopt;
    out = TextRules::parseTimestamp(*text);
    if (!out)
        return withValue(QStringLiteral("%1 is not an ISO 8601 date or Unix seconds").arg(QLatin1String(name)), *text);
    return std::nullopt;
}

std::optional<QString> mapHuggingFace(JsonModel &m, ModelRecord &r)
{
    const std::optional<std::string> &id = m.id ? m.id : m.modelId;
    if (!id)
        return QStringLiteral("no id or modelId");
    r.modelId = *id;
    if (auto problem = modelIdProblem(r.modelId))
        return problem;
    const std::size_t slash = r.modelId.find('/');
    r.author = m.author;
    if (!r.author && slash != std::string::npos && slash > 0)
        r.author = r.modelId.substr(0, slash);
    // Old Hub models have no namespace ("gpt2"): the id is the name.
    r.name = slash == std::string::npos ? r.modelId : optText(std::string_view(r.modelId).substr(slash + 1));
    r.task = m.pipelineTag;
    r.framework = m.libraryName;
    r.license = m.license;
    r.tags = m.tags;
    if (auto e = parseTime(m.createdAt, "createdAt", r.createdAt))
        return e;
    if (auto e = parseTime(m.lastModified, "lastModified", r.updatedAt))
        return e;
    r.versions = 1;
    r.files = m.siblings;
    r.downloads = m.downloads;
    r.likes = m.likes;
    r.parameters = m.safetensorsTotal ? m.safetensorsTotal : m.numParameters;
    r.baseModels = m.cardBaseModels ? m.cardBaseModels : m.apiBaseModels;
    r.gated = m.gated;
    r.downloadsAllTime = m.downloadsAllTime;
    r.trendingScore = m.trendingScore;
    return std::nullopt;
}

std::optional<QString> mapOpenGradient(JsonModel &m, ModelRecord &r)
{
    if (!m.authorUsername || !m.name)
        return QStringLiteral("no authorUsername or no name");
    r.modelId = *m.authorUsername + '/' + *m.name;
    if (auto problem = modelIdProblem(r.modelId))
        return problem;
    r.author = m.authorUsername;
    r.name = m.name;
    r.task = m.taskName;
    r.framework = m.newestFramework;
    if (auto e = parseTime(m.createdAt, "createdAt", r.createdAt))
        return e;
    if (!r.createdAt)
        r.createdAt = m.earliestAt;
    r.updatedAt = m.newestAt;
    r.versions = m.versionCount ? *m.versionCount : 1;
    r.files = m.newestFiles;
    r.description = m.description;
    return std::nullopt;
}

// A JSON record written with the CSV column names.
std::optional<QString> mapColumns(JsonModel &m, ModelRecord &r)
{
    if (auto e = catalogueFromColumns(m.columns, r))
        return e;
    r.author = m.author;
    r.name = m.name;
    r.description = m.description;
    r.tags = m.tags;
    r.versions = m.versionCount;
    r.downloads = m.downloads;
    r.likes = m.likes;
    r.gated = m.gated;
    return std::nullopt;
}

// Unlisted models are rows UsageWriter made from a model id alone, so their created_at is
// NULL: counting through models_by_created reads only those, not the whole table (a scan of a
// million models took 1.7 s, a third of a bare sqlite3 .import).
constexpr std::string_view kCountUnlisted = "SELECT count(*) FROM models WHERE created_at IS NULL AND listed = 0";

QString readCatalogue(Input &in, RowSink &sink, const ImportOptions &opt, const std::function<void(const ModelRecord &)> &write)
{
    const bool csv = opt.format == ImportOptions::Format::Csv
                     || (opt.format == ImportOptions::Format::Auto && sniff(in) == Container::Csv);
    if (!csv) {
        od::parser parser;
        return readJson(in, sink, [&](std::string_view text, std::int64_t line) {
            JsonModel m;
            ModelRecord r;
            auto reason = readJsonModel(parser, text, m);
            if (!reason) {
                switch (opt.format) {
                case ImportOptions::Format::HuggingFace:
                    reason = mapHuggingFace(m, r);
                    break;
                case ImportOptions::Format::OpenGradient:
                    reason = mapOpenGradient(m, r);
                    break;
                default:
                    if (m.columns[CModel])
                        reason = mapColumns(m, r);
                    else if (m.authorUsername && !m.id && !m.modelId)
                        reason = mapOpenGradient(m, r);
                    else
                        reason = mapHuggingFace(m, r);
                }
            }
            if (reason)
                sink.reject(line, *reason);
            else if (sink.writing())
                write(r);
        });
    }
    readCsv(in, sink, [&](const CsvHeader &header) {
        std::array<int, CColumnCount> col;
        for (std::size_t c = 0; c < CColumnCount; ++c)
            col[c] = header.index(kCatalogueNames[c]);
        if (col[CModel] < 0)
            throw ImportError(QStringLiteral("%1: the header has no 'model_id' column").arg(sink.shown()));
        return [&, col](const std::vector<std::string_view> &fields, std::int64_t line) {
            CatValues v;
            for (std::size_t c = 0; c < CColumnCount; ++c)
                if (col[c] >= 0)
                    v[c] = fields[std::size_t(col[c])];
            ModelRecord r;
            if (auto reason = catalogueFromColumns(v, r))
                sink.reject(line, *reason);
            else if (sink.writing())
                write(r);
        };
    });
    return QStringLiteral("CSV");
}

CatalogueLoad::CatalogueLoad(Database &db, std::int64_t inputBytes)
    : m_db(db)
    , m_writer(db)
    , m_unlistedBefore(db.queryInt(kCountUnlisted).value_or(0))
{
    // Input that brings at least as many models as the cache holds (a first import, say; a
    // catalogue row is about 150 bytes) is written with the indexes off, each built once at the
    // end, in this transaction: 32 sort indexes and the trigram index kept row by row cost more.
    if (Cache::worthBulkLoad(db, inputBytes / 150))
        m_bulk.emplace(db);
}

QString CatalogueLoad::read(Input &in, RowSink &sink, const ImportOptions &opt)
{
    return readCatalogue(in, sink, opt, [this](const ModelRecord &r) { m_writer.upsert(r); });
}

void CatalogueLoad::finish(ImportReport &report)
{
    report.rowsImported = m_writer.written();
    if (m_bulk)
        m_bulk->finish();
    if (m_unlistedBefore > 0)
        report.nowListed = m_unlistedBefore - m_db.queryInt(kCountUnlisted).value_or(0);
}

QString importCatalogue(Database &db, Input &in, RowSink &sink, const ImportOptions &opt, ImportReport &report)
{
    CatalogueLoad load(db, in.size());
    const QString layout = load.read(in, sink, opt);
    load.finish(report);
    return layout;
}

} // namespace ImportParts

} // namespace uptake
