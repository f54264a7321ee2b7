//! The bounce mailbox's errors in the run's language: the mailbox crate says them in
//! English (its `Display`, for logs and programs); a Japanese run gets them in Japanese, with
//! what the server or the system said kept as it was.

use bouncedoc_core::Lang;
use bouncedoc_mailbox::MailboxError;
use bouncedoc_mailbox::tls::TlsError;
use bouncedoc_mailbox::url::UrlError;

use crate::texts::io_cause;

/// A mailbox error, as an error of the run, in `lang`.
pub fn error(lang: Lang, e: MailboxError) -> anyhow::Error {
    match lang {
        Lang::En => anyhow::Error::new(e),
        Lang::Ja => anyhow::anyhow!(japanese(&e)),
    }
}

/// An address error, as an error of the run, in `lang`.
pub fn url_error(lang: Lang, e: UrlError) -> anyhow::Error {
    match lang {
        Lang::En => anyhow::Error::new(e),
        Lang::Ja => anyhow::anyhow!(url_japanese(&e)),
    }
}

/// A TLS error, as an error of the run, in `lang`.
pub fn tls_error(lang: Lang, e: TlsError) -> anyhow::Error {
    match lang {
        Lang::En => anyhow::Error::new(e),
        Lang::Ja => anyhow::anyhow!(tls_japanese(&e)),
    }
}

/// Where a connection failed (`connecting to host:port`, `STARTTLS with host`, ...), in
/// Japanese; a context not known here is kept as it is.
fn context_japanese(context: &str) -> String {
    if let Some(place) = context.strip_prefix("connecting to ") {
        return format!("{place} への接続");
    }
    if let Some(server) = context.strip_prefix("STARTTLS with ") {
        return format!("{server} との STARTTLS");
    }
    match context {
        "connecting" => "接続".to_string(),
        "after IDLE" => "IDLE の後".to_string(),
        other => other.to_string(),
    }
}

fn japanese(e: &MailboxError) -> String {
    match e {
        MailboxError::Url(u) => url_japanese(u),
        MailboxError::Tls(t) => tls_japanese(t),
        MailboxError::Io { context, source } => format!(
            "メールボックスを読めませんでした（{}）：{}",
            context_japanese(context),
            io_cause(Lang::Ja, source)
        ),
        MailboxError::NoStartTls(server) => format!(
            "{server} は STARTTLS に対応していません。TLS のポート（imaps:// または pop3s://）を使ってください"
        ),
        MailboxError::Login {
            server,
            user,
            reply,
        } => format!("{server} が {user} のログインを拒否しました：{reply}"),
        MailboxError::Imap { command, reason } => {
            format!("IMAP の {command} が失敗しました：{reason}")
        }
        MailboxError::Pop3 { command, reply } => {
            format!("POP3 の {command} が失敗しました：{reply}")
        }
        MailboxError::Unsupported(what) => {
            format!("このプロトコルでは使えない指定です：{what}")
        }
        MailboxError::State { path, source } => format!(
            "状態ファイル {} を読み書きできませんでした：{}",
            path.display(),
            io_cause(Lang::Ja, source)
        ),
    }
}

fn url_japanese(e: &UrlError) -> String {
    match e {
        UrlError::Scheme(s) => format!(
            "`{s}` はメールボックスのアドレス（imaps://、imap://、pop3s://、pop3://）ではありません"
        ),
        UrlError::Password => "メールボックスのアドレスにパスワードが含まれています。パスワードは BOUNCEDOC_MAILBOX_PASSWORD か --password-file で渡してください（コマンドラインには書かないでください）".to_string(),
        UrlError::NoUser => {
            "メールボックスのアドレスにユーザー名がありません（imaps://user@host/INBOX）".to_string()
        }
        UrlError::NoHost => "メールボックスのアドレスにホスト名がありません".to_string(),
        UrlError::Port(p) => format!("`{p}` はポート番号ではありません"),
        UrlError::Escape => "メールボックスのアドレスの %-エスケープが正しくありません".to_string(),
        UrlError::Pop3Folder => "POP3 にはフォルダーがありません。pop3s://user@host のようにパスなしで指定してください".to_string(),
    }
}

fn tls_japanese(e: &TlsError) -> String {
    match e {
        TlsError::CaFile { path, reason } => {
            format!(
                "CA ファイル {} を読めませんでした：{reason}",
                path.display()
            )
        }
        TlsError::NativeRoots(reason) => {
            format!("システムの信頼済み証明書を読み込めませんでした：{reason}")
        }
        TlsError::ServerName(name) => {
            format!("`{name}` は証明書と照合できるホスト名ではありません")
        }
        TlsError::Handshake { host, source } => format!(
            "{host} との TLS 接続に失敗しました：{}",
            io_cause(Lang::Ja, source)
        ),
        TlsError::Setup(reason) => format!("TLS を準備できませんでした：{reason}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mailbox_error_reads_in_japanese_and_stays_english_in_english() {
        let refused = || std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        let io = MailboxError::Io {
            context: "connecting to mail.example.jp:993".into(),
            source: refused(),
        };
        let english = io.to_string();
        assert_eq!(format!("{}", error(Lang::En, io)), english);
        let io = MailboxError::Io {
            context: "connecting to mail.example.jp:993".into(),
            source: refused(),
        };
        let ja = format!("{}", error(Lang::Ja, io));
        assert!(ja.contains("mail.example.jp:993 への接続"), "{ja}");
        let login = MailboxError::Login {
            server: "mail.example.jp".into(),
            user: "bounces".into(),
            reply: "NO [AUTHENTICATIONFAILED]".into(),
        };
        let ja = japanese(&login);
        assert!(ja.contains("ログインを拒否しました") && ja.contains("AUTHENTICATIONFAILED"));
        for u in [
            UrlError::Scheme("http://x".into()),
            UrlError::Password,
            UrlError::NoUser,
            UrlError::NoHost,
            UrlError::Port("x".into()),
            UrlError::Escape,
            UrlError::Pop3Folder,
        ] {
            let ja = url_japanese(&u);
            assert!(crate::cli::is_japanese(&ja) && ja != u.to_string(), "{u}");
        }
        let tls = TlsError::ServerName("a b".into());
        assert!(crate::cli::is_japanese(&tls_japanese(&tls)));
    }
}
