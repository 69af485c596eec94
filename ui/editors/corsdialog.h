#pragma once

#include "gateway/model/corsenabler.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gw::ui {

// "Enable CORS", as the console asks for it. For a REST API resource it collects the options the
// model's enableCors() applies (an OPTIONS MOCK method, the headers on the other methods' 200s,
// optionally DEFAULT_4XX/5XX); for an HTTP API it edits the API's corsConfiguration, which the
// gateway answers itself. Lists are comma-separated as the console types them.
// Thread contract: GUI thread.
class CorsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { RestResource, HttpApi };
    CorsDialog(Mode mode, QWidget *parent = nullptr);

    // REST: the resource's methods preselected as allowed methods.
    void setRestDefaults(const QString &resourcePath, const QStringList &methods);
    gw::model::CorsOptions restOptions() const;
    void setHttpConfiguration(const QJsonObject &configuration);
    QJsonObject httpConfiguration() const;

private:
    Mode m_mode;
    QLabel *m_intro;
    QLineEdit *m_origins;
    QLineEdit *m_methods;
    QLineEdit *m_headers;
    QLineEdit *m_expose;
    QSpinBox *m_maxAge;
    QCheckBox *m_credentials;
    QCheckBox *m_gatewayResponses;
    QLabel *m_error;
};

} // namespace gw::ui
