#include "view/viewargs.h"

#include "text/textrules.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace uptake {

namespace ViewArgs {

std::optional<std::int64_t> parseDayArg(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return TextRules::parseDay(std::string_view(utf8.constData(), size_t(utf8.size())));
}

std::optional<std::int64_t> parseParameterCount(const QString &text)
{
    QString t = text.trimmed();
    double scale = 1;
    if (!t.isEmpty()) {
        switch (t.back().toUpper().unicode()) {
        case 'K': scale = 1e3; break;
        case 'M': scale = 1e6; break;
        case 'B': scale = 1e9; break;
        case 'T': scale = 1e12; break;
        default: break;
        }
        if (scale != 1)
            t.chop(1);
    }
    // Plain digits and '.', the same in every locale ("1,5B" is refused, not read as 15B).
    if (t.isEmpty() || !std::all_of(t.cbegin(), t.cend(), [](QChar c) { return c.isDigit() || c == QLatin1Char('.'); }))
        return std::nullopt;
    bool ok = false;
    const double x = QLocale::c().toDouble(t, &ok) * scale;
    if (!ok || !(x >= 0) || x >= 9.2e18)
        return std::nullopt;
    return std::int64_t(std::llround(x));
}

bool parseSort(const QString &text, ViewSpec &spec, QString &error)
{
    QString name = text;
    bool desc = true;
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0) {
        const QString dir = text.mid(colon + 1).toLower();
        name = text.left(colon);
        if (dir == QLatin1String("asc"))
            desc = false;
        else if (dir != QLatin1String("desc")) {
            error = QStringLiteral("--sort: direction must be asc or desc, not '%1'").arg(dir);
            return false;
        }
    } else {
        // Without a direction, text columns read best A to Z, figures largest first.
        const int c = Columns::fromKey(name);
        desc = c >= 0 && Columns::info(c).kind != Columns::Kind::Text;
    }
    const int column = Columns::fromKey(name);
    if (column < 0) {
        error = QStringLiteral("--sort: unknown column '%1' (one of: %2)").arg(name, Columns::keys().join(QLatin1Char(',')));
        return false;
    }
    spec.sortColumn = column;
    spec.sortDescending = desc;
    return true;
}

Result take(const QStringList &args, int &i, ViewSpec &spec, QString &error, bool allowSort)
{
    QString opt = args.at(i);
    if (!opt.startsWith(QLatin1String("--")))
        return Result::NotMine;
    QString value;
    bool inlineValue = false;
    if (const qsizetype eq = opt.indexOf(QLatin1Char('=')); eq > 0) {
        value = opt.mid(eq + 1);
        opt = opt.left(eq);
        inlineValue = true;
    }
    static const QStringList kOptions = {QStringLiteral("--search"),    QStringLiteral("--task"),
                                         QStringLiteral("--author"),    QStringLiteral("--license"),
                                         QStringLiteral("--framework"), QStringLiteral("--usage"),
                                         QStringLiteral("--min-calls"), QStringLiteral("--min-repeat-callers"),
                                         QStringLiteral("--since"),     QStringLiteral("--until"),
                                         QStringLiteral("--listed-from"), QStringLiteral("--listed-until"),
                                         QStringLiteral("--min-week4-retention"),
                                         QStringLiteral("--min-effective-callers"),
                                         QStringLiteral("--max-top-caller-share"),
                                         QStringLiteral("--min-parameters"), QStringLiteral("--max-parameters"),
                                         QStringLiteral("--gated"), QStringLiteral("--sort")};
    if (!kOptions.contains(opt) || (opt == QLatin1String("--sort") && !allowSort))
        return Result::NotMine;
    if (!inlineValue) {
        if (i + 1 >= args.size()) {
            error = QStringLiteral("%1 needs a value").arg(opt);
            return Result::Error;
        }
        value = args.at(++i);
    }

    auto number = [&](std::optional<std::int64_t> &out) {
        bool ok = false;
        const qlonglong n = value.toLongLong(&ok);
        if (!ok || n < 0) {
            error = QStringLiteral("%1: '%2' is not a non-negative whole number").arg(opt, value);
            return Result::Error;
        }
        out = n;
        return Result::Taken;
    };
    // A plain decimal ("0.25", never "0,25": command lines are the same in every locale).
    auto decimal = [&](std::optional<double> &out, double most) {
        bool ok = false;
        const double x = QLocale::c().toDouble(value, &ok);
        if (!ok || !(x >= 0) || x > most) {
            error = most == 1 ? QStringLiteral("%1: '%2' is not a fraction from 0 to 1 (e.g. 0.25)").arg(opt, value)
                              : QStringLiteral("%1: '%2' is not a non-negative number").arg(opt, value);
            return Result::Error;
        }
        out = x;
        return Result::Taken;
    };
    auto day = [&](std::optional<std::int64_t> &out) {
        out = parseDayArg(value);
        if (!out) {
            error = QStringLiteral("%1: '%2' is not a date (YYYY-MM-DD)").arg(opt, value);
            return Result::Error;
        }
        return Result::Taken;
    };

    if (opt == QLatin1String("--search"))
        spec.search = value;
    else if (opt == QLatin1String("--task"))
        spec.task = value;
    else if (opt == QLatin1String("--author"))
        spec.author = value;
    else if (opt == QLatin1String("--license"))
        spec.license = value;
    else if (opt == QLatin1String("--framework"))
        spec.framework = value;
    else if (opt == QLatin1String("--usage")) {
        const auto u = ViewSpec::usageFromName(value);
        if (!u) {
            error = QStringLiteral("--usage: '%1' is not one of all, never, called, repeat, unlisted").arg(value);
            return Result::Error;
        }
        spec.usage = *u;
    } else if (opt == QLatin1String("--min-calls"))
        return number(spec.minCalls);
    else if (opt == QLatin1String("--min-repeat-callers"))
        return number(spec.minRepeatCallers);
    else if (opt == QLatin1String("--min-week4-retention"))
        return decimal(spec.minWeek4Retention, 1);
    else if (opt == QLatin1String("--min-effective-callers"))
        return decimal(spec.minEffectiveCallers, 1e15);
    else if (opt == QLatin1String("--max-top-caller-share"))
        return decimal(spec.maxTopCallerShare, 1);
    else if (opt == QLatin1String("--min-parameters") || opt == QLatin1String("--max-parameters")) {
        const auto n = parseParameterCount(value);
        if (!n) {
            error = QStringLiteral("%1: '%2' is not a parameter count (e.g. 7000000000, 7B, 350M)").arg(opt, value);
            return Result::Error;
        }
        (opt == QLatin1String("--min-parameters") ? spec.minParameters : spec.maxParameters) = n;
    } else if (opt == QLatin1String("--gated")) {
        const QString v = value.trimmed().toLower();
        if (v == QLatin1String("yes"))
            spec.gated = true;
        else if (v == QLatin1String("no"))
            spec.gated = false;
        else {
            error = QStringLiteral("--gated: '%1' is not yes or no").arg(value);
            return Result::Error;
        }
    } else if (opt == QLatin1String("--since"))
        return day(spec.sinceDay);
    else if (opt == QLatin1String("--until"))
        return day(spec.untilDay);
    else if (opt == QLatin1String("--listed-from"))
        return day(spec.listedFromDay);
    else if (opt == QLatin1String("--listed-until"))
        return day(spec.listedUntilDay);
    else if (opt == QLatin1String("--sort"))
        return parseSort(value, spec, error) ? Result::Taken : Result::Error;
    return Result::Taken;
}

QString helpText(bool withSort)
{
    QString s = QStringLiteral(
        "  --search TEXT          models whose id, author, task or tags contain TEXT\n"
        "  --task TASK            --author AUTHOR   --license LICENSE   --framework NAME\n"
        "  --usage STATE          all | never | called | repeat | unlisted\n"
        "  --min-calls N          --min-repeat-callers N\n"
        "  --min-week4-retention F  --min-effective-callers N  --max-top-caller-share F\n"
        "                         (demand evidence; F a fraction from 0 to 1)\n"
        "  --min-parameters N     --max-parameters N    (e.g. 7B, 350M; models that say)\n"
        "  --gated yes|no         models the registry gates, or not\n"
        "  --listed-from DATE     --listed-until DATE   (listing date range, YYYY-MM-DD)\n"
        "  --since DATE           --until DATE          (usage window, UTC, inclusive)\n");
    if (withSort)
        s += QStringLiteral("  --sort COLUMN[:asc|:desc]  e.g. calls:desc, model_id:asc\n");
    return s;
}

} // namespace ViewArgs

} // namespace uptake
