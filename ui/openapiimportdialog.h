#pragma once

#include "gateway/model/api.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace gw::ui {

// File → Import OpenAPI: the file and the kind of API to create, REST unless the user picks HTTP
// (AWS imports a document as the kind of API it is imported into). When the file looks like an
// HTTP API and REST is chosen, a hint says why (the same words as the CLI's). The file is read for
// that hint on a worker thread; a result for a file no longer chosen is dropped.
// Thread contract: GUI thread.
class OpenApiImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OpenApiImportDialog(const QString &directory, QWidget *parent = nullptr);

    QString fileName() const;
    gw::model::ApiType apiType() const;
    QString hintText() const;

private:
    void browse();
    void fileChanged();
    void updateHint();

    QString m_directory;
    QLineEdit *m_file;
    QRadioButton *m_rest;
    QRadioButton *m_http;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
    QString m_sign;        // httpApiSign of m_signFile
    QString m_signFile;
    QFutureWatcher<QString> m_watcher;
    QString m_pendingFile; // what m_watcher is reading
};

} // namespace gw::ui
