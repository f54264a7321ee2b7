//! The ledger's `why` sentences (why the policy suppressed an address, why `check` says to
//! wait) in the language asked for. The ledger stores them in English
//! ([`bouncedoc_ledger::Why`]); in Japanese they are read back and said again in the
//! project's own words. A text the ledger did not write (one of an older version) is shown
//! as it is.

use bouncedoc_core::{Lang, Reason};
use bouncedoc_ledger::Why;
use bouncedoc_ledger::why::Codes;

/// `stored`, a suppression's or a wait's `why`, in `lang`; `reason_words` names a reason
/// as a person reads it.
pub fn say(lang: Lang, stored: &str, reason_words: &dyn Fn(&Reason) -> String) -> String {
    match (lang, Why::parse(stored)) {
        (Lang::Ja, Some(why)) => japanese(&why, reason_words),
        _ => stored.to_string(),
    }
}

/// What one bounce said: the reason, its status code and reply code.
fn codes(c: &Codes, reason_words: &dyn Fn(&Reason) -> String) -> String {
    let mut s = reason_words(&c.reason);
    if let Some(st) = &c.status {
        s.push(' ');
        s.push_str(st);
    }
    if let Some(rc) = c.reply_code {
        s.push_str(&format!("（{rc}）"));
    }
    s
}

fn japanese(why: &Why, reason_words: &dyn Fn(&Reason) -> String) -> String {
    match why {
        Why::Hard(c) => format!(
            "恒久的なエラー（ハードバウンス）が 1 回あったため：{}",
            codes(c, reason_words)
        ),
        Why::Complaint(Some(t)) => {
            format!("受信者が迷惑メールとして報告したため（フィードバックレポート、種類 {t}）")
        }
        Why::Complaint(None) => {
            "受信者が迷惑メールとして報告したため（フィードバックレポート）".to_string()
        }
        Why::Soft {
            within_days,
            bounces,
        } => {
            let list: Vec<String> = bounces.iter().map(|c| codes(c, reason_words)).collect();
            format!(
                "{within_days} 日以内に一時的なエラー（ソフトバウンス）が {} 回続いたため：{}",
                bounces.len(),
                list.join("、")
            )
        }
        Why::MailboxFull {
            count,
            days,
            allowed,
            span_days,
        } => format!(
            "メールボックスの容量不足が {days} 日間に {count} 回続いたため（ポリシーでは、\
             {span_days} 日以上にわたって {allowed} 回で送信停止）"
        ),
        Why::Carrier {
            provider,
            count,
            days,
            reason,
            allowed,
            span_days,
        } => format!(
            "{provider} が {days} 日間に {count} 回受け取りを拒んだため（{}。アドレスが存在しない\
             のか、相手の受信設定で拒まれたのかは区別できません。ポリシーでは、{span_days} \
             日以上にわたって {allowed} 回で送信停止）",
            reason_words(reason)
        ),
        Why::Manual => "手作業で送信停止にしたため".to_string(),
        Why::Wait { count, last, hours } => format!(
            "相手のメールボックスの容量不足（記録 {count} 件、最後は {last}）。{hours} \
             時間あけてから送り直してください"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(r: &Reason) -> String {
        r.to_string()
    }

    #[test]
    fn every_sentence_the_ledger_writes_has_japanese_words() {
        let stored = [
            "hard bounce: userunknown 5.1.1 (550)",
            "complaint: feedback report (abuse)",
            "complaint: feedback report",
            "3 soft bounces within 7 days: expired, systemerror 4.3.0, networkerror (421)",
            "mailbox full 4 times over 16 days (the policy allows 3 spanning 14 days)",
            "docomo refused 3 times over 62 days (filtered: a dead address or the recipient's \
             reception filter; the policy allows 3 spanning 30 days)",
            "suppressed by hand",
            "mailbox full (2 on record, last 2026-03-04T00:00:00Z): retry after 72 hours",
        ];
        for s in stored {
            assert!(Why::parse(s).is_some(), "{s}");
            assert_eq!(say(Lang::En, s, &plain), s);
            let ja = say(Lang::Ja, s, &plain);
            assert!(!two_english_words(&ja), "{s} -> {ja}");
            assert!(ja.chars().any(is_kana), "{ja}");
        }
    }

    fn is_kana(c: char) -> bool {
        ('\u{3040}'..='\u{30ff}').contains(&c)
    }

    /// Whether two words of Latin letters follow each other: the start of an English
    /// sentence (one id such as `expired` is not).
    fn two_english_words(s: &str) -> bool {
        let word = |w: &str| w.len() > 1 && w.chars().all(|c| c.is_ascii_alphabetic());
        let words: Vec<&str> = s.split(' ').collect();
        words.windows(2).any(|w| word(w[0]) && word(w[1]))
    }

    #[test]
    fn the_figures_and_codes_are_kept() {
        let ja = say(
            Lang::Ja,
            "3 soft bounces within 7 days: expired, systemerror 4.3.0, networkerror (421)",
            &plain,
        );
        assert_eq!(
            ja,
            "7 日以内に一時的なエラー（ソフトバウンス）が 3 回続いたため：expired、\
             systemerror 4.3.0、networkerror（421）"
        );
    }

    #[test]
    fn a_text_the_ledger_did_not_write_is_shown_as_it_is() {
        let s = "asked by the customer";
        assert_eq!(say(Lang::Ja, s, &plain), s);
    }
}
