//! How well the best guess does, measured: on the examples of each fifth of the rules in turn,
//! by a model not trained on that fifth (its rules removed, as if no rule had matched), on
//! wordings invented
//! for this test that no rule was written from, and on texts that are no bounce at all.

use super::{Model, Tuning, decide};
use crate::knowledge::Knowledge;
use crate::reply::{self, Normalized};
use crate::vocab::Reason;
use crate::{Engine, EvidenceKind, Lang};

fn kb() -> &'static Knowledge {
    Knowledge::shared().expect("knowledge loads")
}

/// The fifth of the rules a rule id falls in: its FNV-1a hash (64 bits) modulo 5. The floors
/// below are checked on the five fifths held out in turn, summed.
fn fifth(id: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash % 5
}

fn guess(model: &Model, text: &str, tuning: Tuning) -> Option<Reason> {
    decide(model, Normalized::new(text).as_str(), tuning).map(|g| g.reason)
}

/// The reason the codes of a text give alone (its words not read): what the engine answers
/// when no rule matches and nothing is guessed.
fn reason_of_codes(engine: &Engine, text: &str) -> Reason {
    let read = reply::read(text);
    let codes: Vec<String> = read
        .reply_code
        .map(|c| c.to_string())
        .into_iter()
        .chain(read.status.map(|s| s.to_string()))
        .collect();
    if codes.is_empty() {
        return Reason::Undefined;
    }
    engine
        .explain(&codes.join(" "), Lang::En)
        .map_or(Reason::Undefined, |d| d.reason)
}

/// What held-out rules give.
#[derive(Debug, Default)]
struct HeldOut {
    examples: usize,
    /// Guesses given, and right.
    answered: usize,
    right: usize,
    /// The engine without the held-out rules: right without the guess, and with it.
    right_codes_only: usize,
    right_with_guess: usize,
}

/// The figures of the five fifths held out in turn, summed: every example of a rule read by
/// a model trained without its rule's fifth.
fn measure_held_out(tuning: Tuning) -> HeldOut {
    (0..5).fold(HeldOut::default(), |sum, held| {
        let f = measure_fifth(held, tuning, &mut |_, _| {});
        HeldOut {
            examples: sum.examples + f.examples,
            answered: sum.answered + f.answered,
            right: sum.right + f.right,
            right_codes_only: sum.right_codes_only + f.right_codes_only,
            right_with_guess: sum.right_with_guess + f.right_with_guess,
        }
    })
}

/// The figures of one fifth of the rules, held out; `seen` gets each example's reason and
/// guess.
fn measure_fifth(
    held: u64,
    tuning: Tuning,
    seen: &mut dyn FnMut(Reason, Option<Reason>),
) -> HeldOut {
    let kb = kb();
    let engine = Engine::new().unwrap();
    let model = Model::train(kb, |i| fifth(&kb.rules[i].doc.id) != held);
    let mut f = HeldOut::default();
    for rule in kb.rules.iter().filter(|r| fifth(&r.doc.id) == held) {
        if !rule.doc.server.is_empty() {
            continue;
        }
        for ex in &rule.doc.example {
            f.examples += 1;
            let g = guess(&model, &ex.input, tuning);
            seen(rule.reason, g);
            if let Some(r) = g {
                f.answered += 1;
                f.right += usize::from(r == rule.reason);
            }
            let by_codes = reason_of_codes(&engine, &ex.input);
            f.right_codes_only += usize::from(by_codes == rule.reason);
            let with_guess = match (by_codes, g) {
                (Reason::Undefined, Some(r)) => r,
                (r, _) => r,
            };
            f.right_with_guess += usize::from(with_guess == rule.reason);
        }
    }
    f
}

fn pct(n: usize, of: usize) -> f64 {
    100.0 * n as f64 / of.max(1) as f64
}

/// The least share of held-out examples (all five fifths) the guess must get right from their
/// words alone (the figures are in `docs/notes/best-guess.md`).
const MIN_HELD_OUT_RIGHT: f64 = 30.0;
/// The least share of its guesses on held-out examples (all five fifths) that must be right.
const MIN_HELD_OUT_PRECISION: f64 = 62.0;

#[test]
fn the_guess_on_each_held_out_fifth_of_the_rules() {
    let f = measure_held_out(Tuning::DEFAULT);
    println!(
        "held out, the five fifths in turn: {} examples; guessed {} ({:.1}%), right {} ({:.1}% of the guesses, {:.1}% of all); \
         engine without the rules: codes alone {:.1}%, codes then guess {:.1}%",
        f.examples,
        f.answered,
        pct(f.answered, f.examples),
        f.right,
        pct(f.right, f.answered),
        pct(f.right, f.examples),
        pct(f.right_codes_only, f.examples),
        pct(f.right_with_guess, f.examples),
    );
    assert!(f.examples >= 1000, "only {} held-out examples", f.examples);
    assert!(pct(f.right, f.examples) >= MIN_HELD_OUT_RIGHT);
    assert!(pct(f.right, f.answered) >= MIN_HELD_OUT_PRECISION);
    assert!(f.right_with_guess > f.right_codes_only);
}

/// Prints the figures of each fifth of the rules held out in turn, and the guesses most often
/// wrong over all five (`cargo test -p bouncedoc-core --lib -- --ignored every_fifth
/// --nocapture`).
#[test]
#[ignore]
fn every_fifth() {
    let mut wrong: std::collections::BTreeMap<(String, String), usize> = Default::default();
    let (mut examples, mut answered, mut right) = (0, 0, 0);
    for held in 0..5 {
        let f = measure_fifth(held, Tuning::DEFAULT, &mut |truth, g| {
            if let Some(g) = g.filter(|g| *g != truth) {
                *wrong.entry((truth.to_string(), g.to_string())).or_default() += 1;
            }
        });
        println!(
            "fifth {held}: {} examples; right {:.1}% of all, {:.1}% of the guesses",
            f.examples,
            pct(f.right, f.examples),
            pct(f.right, f.answered)
        );
        (examples, answered, right) = (
            examples + f.examples,
            answered + f.answered,
            right + f.right,
        );
    }
    println!(
        "all five: {examples} examples; right {:.1}% of all, {:.1}% of the guesses",
        pct(right, examples),
        pct(right, answered)
    );
    let mut wrong: Vec<_> = wrong.into_iter().collect();
    wrong.sort_by_key(|w| std::cmp::Reverse(w.1));
    for ((truth, g), n) in wrong.iter().take(25) {
        println!("{n:4}  {truth} guessed {g}");
    }
}

/// Prints the held-out figures over a grid of tunings (`cargo test -p bouncedoc-core --
/// --ignored tuning_grid --nocapture`).
#[test]
#[ignore]
fn tuning_grid() {
    for neighbours in [1, 3, 5, 9] {
        for min_similarity in [0.2, 0.25, 0.3, 0.35, 0.4, 0.5] {
            for min_share in [0.0, 0.5, 0.6, 0.7] {
                let t = Tuning {
                    neighbours,
                    min_similarity,
                    min_share,
                };
                let f = measure_held_out(t);
                let false_alarms = NOT_BOUNCES
                    .iter()
                    .filter(|x| guess(kb().guess_model(), x, t).is_some())
                    .count();
                let invented = INVENTED
                    .iter()
                    .filter(|(r, x)| guess(kb().guess_model(), x, t) == Some(r.parse().unwrap()))
                    .count();
                println!(
                    "k={neighbours} sim>={min_similarity} share>={min_share}: held-out right {:.1}% precision {:.1}% engine {:.1}%; invented {:.1}%; false alarms {false_alarms}",
                    pct(f.right, f.examples),
                    pct(f.right, f.answered),
                    pct(f.right_with_guess, f.examples),
                    pct(invented, INVENTED.len()),
                );
            }
        }
    }
}

/// Wordings written for this test, in the phrasing of no rule: what a server might say, by
/// reason, in English and Japanese.
const INVENTED: &[(&str, &str)] = &[
    (
        "userunknown",
        "The address you sent to is not an active account on this system",
    ),
    (
        "userunknown",
        "recipient mailbox unavailable: nobody by that name receives mail here",
    ),
    (
        "userunknown",
        "this e-mail address has never been registered with us",
    ),
    (
        "userunknown",
        "指定されたメールアドレスは当サーバーに登録されていません",
    ),
    (
        "userunknown",
        "宛先のユーザーが見当たらないため配送できませんでした",
    ),
    (
        "mailboxfull",
        "the recipient's inbox has run out of space and cannot take more messages",
    ),
    (
        "mailboxfull",
        "user has exceeded the storage allocation of the mailbox",
    ),
    (
        "mailboxfull",
        "受信者のメールボックスの容量が上限に達しています",
    ),
    ("mailboxfull", "mail store for this user is over its quota"),
    (
        "spamdetected",
        "message refused: our scanners classified it as unsolicited bulk mail",
    ),
    (
        "spamdetected",
        "your email looks like junk mail and was turned away",
    ),
    (
        "spamdetected",
        "迷惑メールと判定されたため受信を拒否しました",
    ),
    ("spamdetected", "spam score too high, message discarded"),
    (
        "blocked",
        "connections from your IP address are not accepted, it is listed on a DNS blocklist",
    ),
    (
        "blocked",
        "client host refused: your server is on our block list",
    ),
    (
        "blocked",
        "送信元のIPアドレスはブロックリストに載っているため接続を拒否します",
    ),
    (
        "norelaying",
        "we do not forward mail for domains we do not host, relaying denied",
    ),
    (
        "norelaying",
        "relay access is not allowed from your network",
    ),
    ("norelaying", "このサーバーでは中継は許可されていません"),
    (
        "hostunknown",
        "the domain of the address could not be found in DNS",
    ),
    ("hostunknown", "no such domain: check the part after the @"),
    ("hostunknown", "宛先のドメインが見つかりません"),
    (
        "suspend",
        "this mailbox has been disabled by the administrator",
    ),
    (
        "suspend",
        "account is frozen and can no longer receive mail",
    ),
    ("suspend", "このアカウントは現在利用停止中です"),
    (
        "mesgtoobig",
        "the size of your message is larger than this server accepts",
    ),
    ("mesgtoobig", "message too big, the limit here is 10 MB"),
    ("mesgtoobig", "メールのサイズが大きすぎるため受信できません"),
    (
        "authfailure",
        "SPF check failed: the sending host is not authorized to send for your domain",
    ),
    (
        "authfailure",
        "the DMARC policy of the sender's domain asks to reject this message",
    ),
    ("authfailure", "送信ドメイン認証（SPF）の検証に失敗しました"),
    (
        "expired",
        "we kept trying for five days but could not deliver it, giving up",
    ),
    (
        "expired",
        "message stayed in the queue too long and was returned to the sender",
    ),
    ("expired", "配送の有効期限が切れたため、メールを返送します"),
    (
        "virusdetected",
        "a malicious attachment was found in your message and it was quarantined",
    ),
    (
        "virusdetected",
        "ウイルスが検出されたため、メールは削除されました",
    ),
    (
        "systemerror",
        "an internal server error occurred while processing the message",
    ),
    ("systemerror", "サーバー内部でエラーが発生しました"),
    (
        "toomanyconn",
        "you have too many simultaneous connections open, come back later",
    ),
    ("toomanyconn", "同時接続数が多すぎます"),
    (
        "requireptr",
        "your server has no reverse DNS entry, connection refused",
    ),
    (
        "requireptr",
        "逆引きできないホストからの接続は受け付けません",
    ),
    (
        "failedstarttls",
        "TLS is required here but your server did not start an encrypted session",
    ),
    (
        "networkerror",
        "the connection to the remote host timed out while sending",
    ),
    (
        "policyviolation",
        "this message breaks the usage policy of our organisation and was blocked",
    ),
    (
        "rejected",
        "the sender address you used is refused by this server",
    ),
    (
        "syntaxerror",
        "command not recognized, syntax error in parameters",
    ),
    (
        "systemfull",
        "the server's disk is out of space and cannot accept mail now",
    ),
    (
        "speeding",
        "you are sending messages too fast, slow down and try again later",
    ),
];

/// Texts that are no bounce: the guess must stay silent on every one.
const NOT_BOUNCES: &[&str] = &[
    "Thanks for the quick reply, see you at the meeting on Monday",
    "Meeting notes attached; let me know if anything is missing",
    "The quick brown fox jumps over the lazy dog",
    "Your order has shipped and will arrive on Friday",
    "Hello world",
    "Invoice 12345 for November is attached",
    "お世話になっております。本日の打ち合わせの資料をお送りします。",
    "よろしくお願いいたします。",
    "Can you send me the slides from yesterday?",
    "Happy birthday! Hope you have a great day",
    "Lunch at noon?",
    "来週の会議は水曜日の午後3時からです",
];

#[test]
fn the_guess_stays_silent_on_texts_that_are_no_bounce() {
    let model = kb().guess_model();
    let said: Vec<(&str, Reason)> = NOT_BOUNCES
        .iter()
        .filter_map(|t| guess(model, t, Tuning::DEFAULT).map(|r| (*t, r)))
        .collect();
    assert!(
        said.is_empty(),
        "guessed on texts that are no bounce: {said:?}"
    );
}

/// The reason the engine gives from its rules and codes alone (a guess counted as none).
fn by_rules(engine: &Engine, text: &str) -> Reason {
    let d = engine.explain(text, Lang::En).unwrap();
    if d.evidence.iter().any(|e| e.kind == EvidenceKind::Resembles) {
        Reason::Undefined
    } else {
        d.reason
    }
}

#[test]
fn the_guess_on_invented_wordings() {
    let engine = Engine::new().unwrap();
    let model = kb().guess_model();
    let (mut alone, mut rules, mut both) = (0, 0, 0);
    let mut wrong = Vec::new();
    for (want, text) in INVENTED {
        let want: Reason = want.parse().unwrap();
        let g = guess(model, text, Tuning::DEFAULT);
        let r = by_rules(&engine, text);
        let combined = if r == Reason::Undefined {
            g.unwrap_or(r)
        } else {
            r
        };
        alone += usize::from(g == Some(want));
        rules += usize::from(r == want);
        both += usize::from(combined == want);
        if g.is_some_and(|g| g != want) {
            wrong.push(format!("{text:?}: guessed {g:?}, not {want}"));
        }
    }
    let n = INVENTED.len();
    println!(
        "invented wordings: {n}; the guess alone right {:.1}%, the rules {:.1}%, the rules then the guess {:.1}%\n{}",
        pct(alone, n),
        pct(rules, n),
        pct(both, n),
        wrong.join("\n")
    );
    assert!(n >= 30);
    assert!(both >= rules, "the guess made the engine worse");
    assert!(
        pct(alone, n) >= 55.0,
        "the guess alone: {:.1}%",
        pct(alone, n)
    );
}

/// The vectors the build trained are those the library trains from the knowledge it loads:
/// the same rules, numbered the same way, the same wordings and weights.
#[test]
fn the_build_trained_the_vectors_of_the_embedded_knowledge() {
    use super::vectors::Vectors;
    let pretrained = Vectors::from_bytes(crate::knowledge::PRETRAINED_GUESS).expect("readable");
    let trained = Model::vectors(kb(), |_| true);
    assert!(
        trained.doc_rules.len() >= 1000,
        "{}",
        trained.doc_rules.len()
    );
    assert_eq!(pretrained.rule_count, trained.rule_count);
    assert_eq!(pretrained.doc_rules, trained.doc_rules);
    assert_eq!(pretrained.terms, trained.terms);
    assert!(pretrained == trained, "the weights differ");
    // And the model the engine uses is read from them.
    assert_eq!(kb().guess_model().len(), trained.doc_rules.len());
}
