#include "designerharness.h"

#include "ui/clientpanel.h"
#include "ui/document/runtimecontroller.h"
#include "ui/mainwindow.h"

#include "gateway/model/projectfile.h"
#include "gateway/runtime/engine.h"

#include <QFile>
#include <QListWidget>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace gwtest {

QString sampleCopy(const QTemporaryDir &dir, const QString &name, const std::function<void(gw::model::Project &)> &adjust)
{
    const QString file = dir.filePath(name);
    QFile::remove(file);
    auto loaded = gw::model::loadProject(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj"));
    loaded.project.server.port = 0;
    if (adjust)
        adjust(loaded.project);
    QString error;
    if (!gw::model::saveProject(loaded.project, file, &error))
        qFatal("cannot write the sample copy: %s", qPrintable(error));
    return file;
}

bool startServing(gw::ui::MainWindow &window, gw::runtime::Engine &engine)
{
    QSignalSpy started(&engine, &gw::runtime::Engine::started);
    window.runtime()->start();
    return started.wait(5000);
}

int sendFromClient(gw::ui::MainWindow &window, const QString &url, const QString &method)
{
    window.client()->setMethod(method);
    window.client()->setUrl(url);
    QSignalSpy answered(window.client(), &gw::ui::ClientPanel::finished);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("clientSend")), Qt::LeftButton);
    if (!answered.wait(5000))
        return -1;
    return answered.first().first().toInt();
}

bool clickCheckBox(QListWidget *list, const QString &id, bool bySpace)
{
    if (!list)
        return false;
    QListWidgetItem *row = nullptr;
    for (int r = 0; r < list->count() && !row; ++r)
        if (list->item(r)->data(Qt::UserRole).toString() == id)
            row = list->item(r);
    // A row without a check state has no box on screen: a person could not tick it.
    if (!row || !row->data(Qt::CheckStateRole).isValid() || !(row->flags() & Qt::ItemIsUserCheckable))
        return false;
    list->scrollToItem(row);
    const QRect rect = list->visualItemRect(row);
    if (bySpace) {
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::keyClick(list->viewport(), Qt::Key_Space);
        return true;
    }
    // Where the style draws the box for this row (as the delegate computes it).
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    option.rect = rect;
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    option.text = row->text();
    option.checkState = row->checkState();
    const QRect box = list->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, list);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, box.center());
    return true;
}

} // namespace gwtest
