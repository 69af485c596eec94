#pragma once

#include <QString>

namespace gw::ui {
class MainWindow;
}

// GW_SCREENSHOTS=DIR: walks the main screens of a running window (a method's execution
// picture with a call in the log, a mapping template, a stage, the dashboard), saves each as a
// PNG in DIR and quits. tests/screenshots.sh runs it under Xvfb for README.md's pictures.
void startScreenshotTour(gw::ui::MainWindow &window, const QString &dir);
