//! `explain` of the Japanese text that Gmail's and Outlook's Japanese interfaces write into
//! their notices (the pastes are this project's own, in those notices' wording): each is
//! recognized, with the right reason and party, and a delay notice stays a warning.

mod support;
use support::bouncedoc;

use serde_json::Value;

fn explain(input: &str) -> Value {
    let out = bouncedoc()
        .args(["explain", "--format", "json", "--lang", "ja"])
        .write_stdin(input)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn gmails_japanese_notices_are_read() {
    let d = explain(
        "アドレスが見つかりません\nexample-nao@example.jp にメールを配信できませんでした。\
         アドレスが見つからないか、メールを受信できないアドレスです。\n",
    );
    assert_eq!(
        (d["reason"].as_str(), d["party"].as_str()),
        (Some("userunknown"), Some("sender"))
    );

    // "Delivery incomplete": a warning, not a failure, and nobody's fault yet.
    let d = explain(
        "配信が完了していません\nexample-nao@example.jp へのメッセージの配信中に一時的な問題が\
         発生しました。Gmail はあと 44 時間再試行します。\n",
    );
    assert_eq!(d["action"], "delayed", "{d}");
    assert_eq!(d["hard_bounce"], false);
    assert_eq!(d["party"], "nobody");
}

#[test]
fn outlooks_japanese_notices_are_read() {
    let cases = [
        (
            "example-kou@example.co.jp へのメッセージを配信できませんでした。\n\
             example-kou が example.co.jp に見つかりませんでした。\n",
            "userunknown",
            "sender",
        ),
        (
            "次の受信者またはグループへの配信に失敗しました:\n営業部 (sales@example.co.jp)\n\
             この受信者またはグループに送信するためのアクセス許可がありません。\n",
            "rejected",
            "recipient-admin",
        ),
        (
            "次の受信者またはグループへの配信に失敗しました:\nexample-kou@example.co.jp\n\
             受信者のメールボックスがいっぱいで、現在はメッセージを受信できません。\n",
            "mailboxfull",
            "recipient",
        ),
    ];
    for (paste, reason, party) in cases {
        let d = explain(paste);
        assert_eq!(d["reason"], reason, "{paste}: {d}");
        assert_eq!(d["party"], party, "{paste}: {d}");
        assert_eq!(d["mta"], "exchange", "{paste}");
    }
    let d = explain(
        "次の受信者またはグループへの配信が遅延しています:\nexample-kou@example.co.jp\n\
         このメッセージはまだ配信されていません。引き続き配信を試みます。\n",
    );
    assert_eq!(d["action"], "delayed", "{d}");
    assert_eq!(d["hard_bounce"], false);
}
