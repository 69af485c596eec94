#pragma once

#include <QString>

#include <functional>

class QListWidget;
class QTemporaryDir;

namespace gw::model {
struct Project;
}
namespace gw::runtime {
class Engine;
}
namespace gw::ui {
class MainWindow;
}

namespace gwtest {

// The bundled sample project copied into `dir` (so a test may save over it), on a free port,
// after `adjust` has changed what the test needs.
QString sampleCopy(const QTemporaryDir &dir, const QString &name, const std::function<void(gw::model::Project &)> &adjust = {});

// Starts the window's engine and waits until it listens.
bool startServing(gw::ui::MainWindow &window, gw::runtime::Engine &engine);

// Sends with the client panel's Send button, as a user does; the status it reported, -1 when
// nothing came back within 5 s.
int sendFromClient(gw::ui::MainWindow &window, const QString &url, const QString &method = QStringLiteral("GET"));

// Ticks or unticks the row of a checkable list whose Qt::UserRole is `id` as a person does: the
// row is scrolled into view and its check box is clicked with the mouse (or, with `bySpace`,
// the row is clicked and Space pressed). False when there is no such row or no box was drawn.
bool clickCheckBox(QListWidget *list, const QString &id, bool bySpace = false);

} // namespace gwtest
