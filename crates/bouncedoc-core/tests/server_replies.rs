//! The replies that mail servers and filters write, one table per server or filter: every
//! reply its source code or documentation emits (in a reply of this project's own writing
//! around the fixed words, shaped as the server sends it) must decide the reason and the
//! party that the source's own explanation of it gives. The file or page each table comes
//! from is named above it; the rules cite the same places in their `source`.

#[path = "support/reply_table.rs"]
mod reply_table;

use reply_table::check;

/// Postfix smtpd/smtpd_check.c: the refusals of unknown recipients and of relaying.
#[test]
fn postfix_smtpd_recipient_checks() {
    check(
        "Postfix smtpd_check.c",
        &[
            (
                "550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown in local recipient table",
                "userunknown",
                "sender",
            ),
            (
                "554 5.7.1 <hanako@example.org>: Relay access denied",
                "norelaying",
                "sender",
            ),
        ],
    );
}
