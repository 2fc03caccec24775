#include "read/csvreader.h"
#include "read/filehash.h"
#include "read/jsonstream.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <string>

// Feeds text in pieces of a given size, to cross every buffer boundary.
using namespace uptake;

static ReadFn feed(const QByteArray &text, std::size_t piece)
{
    auto pos = std::make_shared<qsizetype>(0);
    return [text, piece, pos](char *buf, std::size_t max) -> std::size_t {
        const std::size_t n = std::min({max, piece, std::size_t(text.size() - *pos)});
        std::memcpy(buf, text.constData() + *pos, n);
        *pos += qsizetype(n);
        return n;
    };
}

// Records as "line:field|field|...", with "!" after the line when malformed.
static QStringList readCsv(const QByteArray &text, std::size_t piece, std::size_t maxRecord = 1 << 20)
{
    CsvReader csv(feed(text, piece), maxRecord);
    QStringList out;
    while (csv.next()) {
        QStringList fields;
        for (std::string_view f : csv.fields())
            fields << QString::fromUtf8(f.data(), qsizetype(f.size()));
        out << QStringLiteral("%1%2:%3").arg(csv.line()).arg(csv.malformed() ? "!" : "").arg(fields.join(u'|'));
    }
    return out;
}

static QStringList readJson(const QByteArray &text, std::size_t piece, QString *layout = nullptr)
{
    JsonRecordReader reader(feed(text, piece), 1 << 20);
    QStringList out;
    while (reader.next())
        out << QStringLiteral("%1:%2").arg(reader.line()).arg(QString::fromUtf8(reader.record().data(),
                                                                                 qsizetype(reader.record().size()))
                                                                    .trimmed());
    if (layout) {
        static const char *const names[] = {"unknown", "array", "wrapped", "lines"};
        *layout = QLatin1String(names[int(reader.layout())]);
    }
    return out;
}

class TestImportReaders : public QObject
{
    Q_OBJECT

private slots:
    void csv_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("records");
        QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << QStringList{"1:a|b", "2:1|2"};
        QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << QStringList{"1:a|b", "2:1|2"};
        QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << QStringList{"1:a|b", "2:1|2"};
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF" "a,b\n") << QStringList{"1:a|b"};
        QTest::newRow("empty fields") << QByteArray(",,\n,x,\n") << QStringList{"1:||", "2:|x|"};
        QTest::newRow("quoted comma") << QByteArray("\"a,b\",c\n") << QStringList{"1:a,b|c"};
        QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",x\n") << QStringList{"1:say \"hi\"|x"};
        QTest::newRow("newline in quotes") << QByteArray("h\n\"two\nlines\",x\nnext,y\n")
                                           << QStringList{"1:h", "2:two\nlines|x", "4:next|y"};
        QTest::newRow("crlf in quotes kept") << QByteArray("\"a\r\nb\"\r\nc\r\n") << QStringList{"1:a\r\nb", "3:c"};
        QTest::newRow("blank line") << QByteArray("a\n\nb\n") << QStringList{"1:a", "2:", "3:b"};
        QTest::newRow("quote inside unquoted kept") << QByteArray("ab\"c,d\n") << QStringList{"1:ab\"c|d"};
        QTest::newRow("text after closing quote") << QByteArray("\"ab\"c,d\nok\n") << QStringList{"1!:ab|d", "2:ok"};
        QTest::newRow("unclosed quote at end") << QByteArray("x\n\"abc,d\n") << QStringList{"1:x", "2!:abc,d\n"};
        QTest::newRow("empty quoted") << QByteArray("\"\",\"\"\n") << QStringList{"1:|"};
        QTest::newRow("utf8") << QByteArray("caf\xC3\xA9,\"\xE2\x82\xAC\"\n") << QStringList{QStringLiteral("1:caf\u00e9|\u20ac")};
        QTest::newRow("empty input") << QByteArray() << QStringList{};
    }

    void csv()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, records);
        for (std::size_t piece : {std::size_t(1), std::size_t(2), std::size_t(7), std::size_t(1) << 20})
            QCOMPARE(readCsv(text, piece), records);
    }

    void csvLongRecordsCrossTheBuffer()
    {
        // Records longer than the reader's 1 MB chunk grow the buffer and still split right.
        QByteArray big(3 << 20, 'x');
        const QByteArray text = "a,b\n\"" + big + "\",1\nz,2\n";
        const QStringList recs = readCsv(text, 100000, std::size_t(8) << 20);
        QCOMPARE(recs.size(), 3);
        QCOMPARE(recs[1].size(), 2 + big.size() + 2);
        QCOMPARE(recs[2], QStringLiteral("3:z|2"));
    }

    void csvRecordTooLarge()
    {
        const QByteArray text = "a\n\"" + QByteArray(5000, 'x') + "\"\n";
        QVERIFY_THROWS_EXCEPTION(RecordTooLarge, readCsv(text, 1000, 1024));
    }

    void json_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QStringList>("records");
        QTest::newRow("array") << QByteArray("[{\"a\":1},\n {\"b\":[1,{\"c\":\"}]\"}]}]")
                               << "array" << QStringList{"1:{\"a\":1}", "2:{\"b\":[1,{\"c\":\"}]\"}]}"};
        QTest::newRow("empty array") << QByteArray(" [ ] ") << "array" << QStringList{};
        QTest::newRow("bom array") << QByteArray("\xEF\xBB\xBF[{}]") << "array" << QStringList{"1:{}"};
        QTest::newRow("scalars in array") << QByteArray("[1, \"x,]\", null]") << "array"
                                          << QStringList{"1:1", "1:\"x,]\"", "1:null"};
        QTest::newRow("wrapped") << QByteArray("{\"total\": {\"n\": [1]}, \"models\": [\n{\"a\":\"\\\"\"},\n{\"b\":2}\n], \"next\": null}")
                                 << "wrapped" << QStringList{"2:{\"a\":\"\\\"\"}", "3:{\"b\":2}"};
        QTest::newRow("lines") << QByteArray("{\"a\":1}\n\n{\"b\":2}\r\n{\"c\":3}") << "lines"
                               << QStringList{"1:{\"a\":1}", "3:{\"b\":2}", "4:{\"c\":3}"};
        QTest::newRow("lines, one with models") << QByteArray("{\"models\": 3}\n{\"b\":2}\n") << "lines"
                                                << QStringList{"1:{\"models\":3}", "2:{\"b\":2}"};
        QTest::newRow("lines, bad line kept as a record") << QByteArray("{\"a\":1}\n{\"b\":\n{\"c\":3}\n") << "lines"
                                                          << QStringList{"1:{\"a\":1}", "2:{\"b\":", "3:{\"c\":3}"};
        QTest::newRow("lines, trailing text stays on its line") << QByteArray("{\"a\":1} x\n{}\n") << "lines"
                                                                << QStringList{"1:{\"a\":1} x", "2:{}"};
    }

    void json()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, layout);
        QFETCH(QStringList, records);
        for (std::size_t piece : {std::size_t(1), std::size_t(3), std::size_t(1) << 20}) {
            QString got;
            QStringList recs = readJson(text, piece, &got);
            for (QString &r : recs) // the splitter drops blanks between tokens of the first JSON Lines object
                r.remove(u' ');
            QStringList want = records;
            for (QString &r : want)
                r.remove(u' ');
            QCOMPARE(recs, want);
            QCOMPARE(got, layout);
        }
    }

    void jsonStructureErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("line");
        QTest::newRow("not json") << QByteArray("model_id\nx\n") << qint64(1);
        QTest::newRow("array not closed") << QByteArray("[{\"a\":1},\n{\"b\":2}") << qint64(2);
        QTest::newRow("missing comma") << QByteArray("[{\"a\":1}\n{\"b\":2}]") << qint64(2);
        QTest::newRow("text after array") << QByteArray("[{}]\n[]") << qint64(2);
        QTest::newRow("string not closed") << QByteArray("[\"abc") << qint64(1);
        QTest::newRow("wrapper not closed") << QByteArray("{\"models\": [{}]\n") << qint64(2);
    }

    void jsonStructureErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, line);
        try {
            readJson(text, 2);
            QFAIL("no error");
        } catch (const JsonStructureError &e) {
            QCOMPARE(qint64(e.line()), line);
        }
    }

    // OpenSSL's SHA-256 against Qt's: every length around the block and padding edges, fed
    // in uneven pieces, and one context reset between inputs as the event keys use it.
    void sha256()
    {
        QRandomGenerator rng(7);
        QByteArray data(5000, Qt::Uninitialized);
        for (char &c : data)
            c = char(rng.bounded(256));
        Sha256 reused;
        for (int length = 0; length <= 300; ++length) {
            Sha256 h;
            reused.reset();
            for (int pos = 0; pos < length;) {
                const int n = std::min(length - pos, int(rng.bounded(1, 80)));
                h.addData(data.constData() + pos, std::size_t(n));
                reused.addData(data.constData() + pos, std::size_t(n));
                pos += n;
            }
            const QByteArray expected = QCryptographicHash::hash(data.left(length), QCryptographicHash::Sha256).toHex();
            QCOMPARE(h.result().toHex(), expected);
            QCOMPARE(reused.result().toHex(), expected);
        }
        Sha256 whole;
        whole.addData(data.constData(), std::size_t(data.size()));
        QCOMPARE(whole.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    }

    void jsonPadding()
    {
        JsonRecordReader reader(feed("[{\"a\":1}]", 4));
        QVERIFY(reader.next());
        const std::string_view r = reader.record();
        for (std::size_t i = 0; i < JsonRecordReader::kPadding; ++i)
            QCOMPARE(r.data()[r.size() + i], '\0');
    }
};

QTEST_APPLESS_MAIN(TestImportReaders)
#include "tst_importreaders.moc"
