#pragma once

#include "itemeditor.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace gw::ui {

class AuthorizerTestPanel;

// An authorizer of an API: name and type (TOKEN, REQUEST, COGNITO_USER_POOLS for REST APIs; JWT
// and REQUEST for HTTP APIs); for Lambda authorizers the project function or HTTP endpoint,
// identity sources, validation expression and result TTL; for JWT and Cognito the issuer,
// audience, user pool ARNs and where the keys come from (the issuer, a URL or file, or inline).
// Beside the form, a panel runs the authorizer as it stands on a token or request.
class AuthorizerEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit AuthorizerEditor(ProjectDocument *document, QWidget *parent = nullptr);
    AuthorizerTestPanel *testPanel() const { return m_test; }
    // The JWKS source choices of the keys box, in order.
    enum JwksSource { FromIssuer, FromUrlOrFile, Inline };

protected:
    void load() override;

private:
    void change(const QString &text, const QString &field, const std::function<void(gw::model::Authorizer &)> &f);
    QGroupBox *buildLambda();
    QGroupBox *buildJwt();
    void jwksTextEdited();

    QLineEdit *m_name;
    QComboBox *m_type;
    QLineEdit *m_identitySource;
    QLineEdit *m_validation;
    QSpinBox *m_ttl;
    QGroupBox *m_lambda;
    QComboBox *m_function;
    QLineEdit *m_uri;
    QComboBox *m_payloadVersion;
    QCheckBox *m_simpleResponses;
    QGroupBox *m_jwt;
    QLineEdit *m_issuer;
    QLineEdit *m_audience;
    QLineEdit *m_providerArns;
    QComboBox *m_jwksSource;
    QLineEdit *m_jwksUri;
    QPlainTextEdit *m_jwksInline;
    QLabel *m_jwksError;
    AuthorizerTestPanel *m_test;
    bool m_settingJwks = false;
};

} // namespace gw::ui
