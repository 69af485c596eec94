// The template editor's live preview (offscreen): output rendered against the sample request,
// updated as the template or the sample changes; errors with line:column and a marker on the line.
#include "ui/editors/templatemapeditor.h"
#include "ui/editors/templatepreview.h"

#include <QSignalSpy>
#include <QTest>
#include <Qsci/qsciscintilla.h>

using gw::ui::TemplateMapEditor;

class TestTemplatePreview : public QObject
{
    Q_OBJECT

private slots:
    void rendersTheCurrentTemplate()
    {
        TemplateMapEditor editor;
        editor.setTemplates({{QStringLiteral("application/json"),
                              QStringLiteral("{\"name\": \"$input.path('$.name')\", \"id\": \"$input.params('id')\", \"m\": \"$context.httpMethod\"}")}});
        QTRY_COMPARE(editor.preview()->output(), QStringLiteral("{\"name\": \"example\", \"id\": \"42\", \"m\": \"POST\"}"));
        QCOMPARE(editor.preview()->error(), QString());
    }

    void followsTypingAndMarksTheErrorLine()
    {
        TemplateMapEditor editor;
        editor.setTemplates({{QStringLiteral("application/json"), QStringLiteral("ok")}});
        QTRY_COMPARE(editor.preview()->output(), QStringLiteral("ok"));
        editor.textEditor()->setText(QStringLiteral("line one\n  #if($input.body"));
        QTRY_COMPARE(editor.preview()->error(), QStringLiteral("2:18: expected ')' to close #if"));
        QCOMPARE(editor.preview()->errorLine(), 2);
        QVERIFY(editor.textEditor()->markersAtLine(1) & (1 << 1));
        QCOMPARE(editor.textEditor()->markersAtLine(0), 0u);
        editor.textEditor()->setText(QStringLiteral("fixed $input.params('q')"));
        QTRY_COMPARE(editor.preview()->output(), QStringLiteral("fixed search"));
        QCOMPARE(editor.preview()->errorLine(), 0);
        QCOMPARE(editor.textEditor()->markersAtLine(1), 0u);
    }

    void sampleRequestDrivesTheOutput()
    {
        TemplateMapEditor editor;
        editor.setTemplates({{QStringLiteral("application/json"), QStringLiteral("$input.json('$.n') $stageVariables.env")}});
        editor.preview()->setSampleRequest(QStringLiteral("{\"body\": \"{\\\"n\\\": [1, 2]}\", \"stageVariables\": {\"env\": \"dev\"}}"));
        QTRY_COMPARE(editor.preview()->output(), QStringLiteral("[1,2] dev"));
        editor.preview()->setSampleRequest(QStringLiteral("{\"headers\": {\"a\": 1}}"));
        QTRY_COMPARE(editor.preview()->error(), QStringLiteral("sample request: headers.a: must be a string"));
    }

    void runawayTemplateStopsWithAnError()
    {
        TemplateMapEditor editor;
        editor.setTemplates({{QStringLiteral("application/json"), QStringLiteral("#foreach($a in [1..1000])#foreach($b in [1..1000])x#end#end")}});
        QTRY_VERIFY(editor.preview()->error().contains(QLatin1String("step")));
        QCOMPARE(editor.preview()->errorLine(), 1);
    }
};

QTEST_MAIN(TestTemplatePreview)
#include "tst_templatepreview.moc"
