//! `explain` of the Japanese mobile carriers' refusals, pasted as a person has them (the
//! texts are this project's own, in the carriers' wording): the right reason and party, and
//! the carrier's own step (the recipient's receive list) in the advice, in Japanese.

mod support;
use support::bouncedoc;

use serde_json::Value;

fn explain_ja(input: &str) -> Value {
    let out = bouncedoc()
        .args(["explain", "--format", "json", "--lang", "ja"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn advice_ids(d: &Value) -> Vec<String> {
    d["advice"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

/// The advice text of `id` in `d`.
fn advice_text<'a>(d: &'a Value, id: &str) -> &'a str {
    d["advice"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .and_then(|a| a["text"].as_str())
        .unwrap_or_else(|| panic!("no advice {id} in {d}"))
}

#[test]
fn a_docomo_unknown_user_asks_for_the_receive_list() {
    let d = explain_ja(
        "ドコモのアドレスに送ったメールが戻ってきました。\n\
         host mfsmax.docomo.ne.jp[203.0.113.7] said: 550 Unknown user \
         example-ichiro@docomo.ne.jp (in reply to end of DATA command)\n",
    );
    assert_eq!(d["provider"], "docomo");
    assert_eq!(d["reason"], "filtered");
    assert_eq!(d["party"], "recipient");
    assert_eq!(d["hard_bounce"], false);
    let ids = advice_ids(&d);
    assert_eq!(ids[0], "carrier-receive-list-docomo", "{ids:?}");
    assert!(advice_text(&d, "carrier-receive-list-docomo").contains("受信リスト設定"));
    assert!(
        d["summary"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| c > '\u{3040}')
    );
}

#[test]
fn an_au_filter_refusal_asks_to_always_receive() {
    for paste in [
        "host lsean.ezweb.ne.jp[203.0.113.20] said: 550 : User unknown (in reply to end of \
         DATA command)\n",
        "このメールは受信者の迷惑メールフィルターの設定により受信を拒否されました。\n\
         宛先: <example-misaki@au.com>\n",
    ] {
        let d = explain_ja(paste);
        assert_eq!(d["provider"], "au", "{paste}");
        assert_eq!(d["reason"], "filtered", "{paste}");
        assert_eq!(d["party"], "recipient", "{paste}");
        let text = advice_text(&d, "carrier-receive-list-au");
        assert!(text.contains("必ず受信"), "{text}");
    }
}

#[test]
fn a_softbank_refusal_names_the_allow_list() {
    let d = explain_ja(
        "<example-kenta@i.softbank.jp> 宛てのメールは、受信者の迷惑メール対策の設定により\
         受信を拒否されました。\n",
    );
    assert_eq!(d["provider"], "softbank");
    assert_eq!(d["reason"], "filtered");
    assert_eq!(d["party"], "recipient");
    assert!(advice_text(&d, "carrier-receive-list-softbank").contains("受信許可リスト"));

    // An unknown SoftBank address is the address's fault: check it first, then the list.
    let d = explain_ja("550 Invalid recipient: <example-kenta@softbank.ne.jp>\n");
    assert_eq!(d["reason"], "userunknown");
    assert_eq!(d["party"], "sender");
    let ids = advice_ids(&d);
    assert_eq!(ids[0], "verify-address", "{ids:?}");
    assert!(ids.contains(&"carrier-receive-list-softbank".to_string()));
}

#[test]
fn the_carrier_step_reads_naturally_in_the_human_answer() {
    let out = bouncedoc()
        .args(["explain", "--lang", "ja"])
        .write_stdin(
            "host mfsmax.docomo.ne.jp[203.0.113.7] said: 550 Unknown user \
             example-ichiro@docomo.ne.jp (in reply to end of DATA command)\n",
        )
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("受信リスト設定"), "{text}");
    assert!(text.contains("My docomo"), "{text}");
    assert!(!text.contains("receive list"), "{text}");
}
