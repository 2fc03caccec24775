#include "text/displaytext.h"

namespace uptake {

namespace DisplayText {

namespace {

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) // LRE, RLE, PDF, LRO, RLO
           || (c >= 0x2066 && c <= 0x2069); // LRI, RLI, FSI, PDI
}

bool isStrongRtl(char32_t c)
{
    const QChar::Direction d = QChar::direction(c);
    return d == QChar::DirR || d == QChar::DirAL;
}

} // namespace

QString line(const QString &text, int maxChars)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), maxChars) + 3);
    bool rtl = false;
    int kept = 0;
    bool cut = false;
    for (auto it = text.cbegin(); it != text.cend();) {
        char32_t c = it->unicode();
        const QChar *next = it + 1;
        if (it->isHighSurrogate() && next != text.cend() && next->isLowSurrogate()) {
            c = QChar::surrogateToUcs4(*it, *next);
            ++next;
        } else if (it->isSurrogate()) {
            c = 0xFFFD; // a lone half of a pair
        }
        if (kept >= maxChars) {
            cut = true;
            break;
        }
        if (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029)
            out += QLatin1Char(' ');
        else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || isBidiControl(c))
            out += QChar(0xFFFD);
        else
            out += QString::fromUcs4(&c, 1);
        rtl = rtl || isStrongRtl(c);
        ++kept;
        it = next;
    }
    if (cut)
        out += QChar(0x2026);
    // First-strong isolate: the text takes its direction from itself and leaves the rest alone.
    if (rtl)
        out = QChar(0x2068) + out + QChar(0x2069);
    return out;
}

QString html(const QString &text, int maxChars)
{
    return line(text, maxChars).toHtmlEscaped();
}

QString tooltip(const QString &text, int maxChars)
{
    // An explicit rich-text tooltip with escaped content: Qt::mightBeRichText never gets to guess.
    return QStringLiteral("<p style='white-space:pre-wrap'>") + html(text, maxChars) + QStringLiteral("</p>");
}

} // namespace DisplayText

} // namespace uptake
