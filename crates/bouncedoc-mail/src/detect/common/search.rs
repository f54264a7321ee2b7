//! Fast searches for the fixed words the detectors look for: a searcher kept per word and
//! thread, substrings with and without ASCII case, and the lines that hold them.

use std::cell::RefCell;
use std::rc::Rc;

use foldhash::HashMap;

/// The searcher for a fixed word, built the first time a thread looks for the word and then
/// kept. `memchr::memmem::find` builds a searcher at every call, which for one search of a
/// bounce's text costs more than the search; the detectors look for a few hundred fixed
/// words, so each thread keeps one searcher per word, and drops them when it ends (they
/// were leaked once, which a long-running service, whose blocking threads come and go,
/// would have paid for at every new thread).
pub(super) fn finder(needle: &'static str) -> Rc<memchr::memmem::Finder<'static>> {
    type Finders = HashMap<(usize, usize), Rc<memchr::memmem::Finder<'static>>>;
    thread_local! {
        static FINDERS: RefCell<Finders> = RefCell::new(HashMap::default());
    }
    FINDERS.with(|finders| {
        finders
            .borrow_mut()
            .entry((needle.as_ptr() as usize, needle.len()))
            .or_insert_with(|| Rc::new(memchr::memmem::Finder::new(needle)))
            .clone()
    })
}

/// Whether `haystack` contains `needle`, ASCII letters compared without case; written by
/// hand because the values are short header fields, where building a searcher costs more
/// than the search.
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    if h.len() < n.len() {
        return false;
    }
    // Candidates are where the first byte occurs in either case, found with `memchr2`.
    let last_start = h.len() - n.len();
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        &h[..=last_start],
    )
    .any(|at| h[at + 1..at + n.len()].eq_ignore_ascii_case(rest))
}

/// Where the first of `needles` occurs in `text` at or after `from`.
pub fn find_first(text: &str, needles: &[&'static str], from: usize) -> Option<usize> {
    let hay = text.as_bytes().get(from..)?;
    needles
        .iter()
        .filter_map(|n| finder(n).find(hay))
        .min()
        .map(|at| from + at)
}

/// Where the first line (at or after `from`) that holds one of `needles` starts; the end of
/// `text` when none does.
pub fn line_of_first(text: &str, needles: &[&'static str], from: usize) -> usize {
    find_first(text, needles, from).map_or(text.len(), |at| line_around(text, at).0)
}

/// The line of `text` that holds byte `at`: where it starts, and where the next one starts.
pub fn line_around(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
    (start, end)
}

/// Substring tests of fixed words, for the detectors.
pub trait TextSearch {
    /// Whether the text holds `needle` (case kept).
    fn holds(&self, needle: &'static str) -> bool;
}

impl TextSearch for str {
    fn holds(&self, needle: &'static str) -> bool {
        let (h, n) = (self.as_bytes(), needle.as_bytes());
        let Some((&first, rest)) = n.split_first() else {
            return true;
        };
        if h.len() < n.len() {
            return false;
        }
        // A short text (a line, a header) is searched from the needle's first byte, which
        // costs less than looking up its searcher.
        if h.len() > 32 {
            return finder(needle).find(h).is_some();
        }
        let last_start = h.len() - n.len();
        memchr::memchr_iter(first, &h[..=last_start]).any(|at| &h[at + 1..at + n.len()] == rest)
    }
}

/// Whether a line of `text` begins with `prefix` (at its very start, white space kept).
pub fn has_line_beginning(text: &str, prefix: &'static str) -> bool {
    finder(prefix)
        .find_iter(text.as_bytes())
        .any(|at| at == 0 || text.as_bytes()[at - 1] == b'\n')
}

/// Whether any line of `text` starts with one of `prefixes` (after leading white space).
pub fn has_line_starting(text: &str, prefixes: &[&'static str]) -> bool {
    // Searching for each prefix and looking back to its line's start reads the text once
    // per prefix with a fast substring search, rather than comparing every line.
    prefixes.iter().any(|p| {
        finder(p)
            .find_iter(text.as_bytes())
            .any(|at| text[line_around(text, at).0..at].trim_start().is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's searcher is built once per thread and owned by the thread's table (not
    /// leaked), so that it is dropped with the thread.
    #[test]
    fn a_words_searcher_is_kept_by_its_thread() {
        std::thread::spawn(|| {
            let first = finder("Remote Server returned");
            let again = finder("Remote Server returned");
            assert!(Rc::ptr_eq(&first, &again));
            // The table's and these two.
            assert_eq!(Rc::strong_count(&first), 3);
            assert_eq!(first.find(b"x Remote Server returned '550'"), Some(2));
        })
        .join()
        .unwrap();
    }

    #[test]
    fn first_of_several_words_and_its_line() {
        let text = "one\ntwo three\nfour two\n";
        assert_eq!(find_first(text, &["four", "two"], 0), Some(4));
        assert_eq!(find_first(text, &["four", "two"], 5), Some(14));
        assert_eq!(find_first(text, &["five"], 0), None);
        assert_eq!(find_first(text, &["two"], text.len() + 1), None);
        assert_eq!(line_around(text, 8), (4, 14));
        assert_eq!(&text[4..14], "two three\n");
        assert_eq!(line_around(text, 0), (0, 4));
        assert_eq!(line_around("no end", 3), (0, 6));
    }

    #[test]
    fn contains_without_ascii_case() {
        assert!(contains_ignore_case(
            "Undelivered Mail Returned",
            "mail returned"
        ));
        assert!(contains_ignore_case("abc", ""));
        assert!(contains_ignore_case("x-FAILED", "Failed"));
        assert!(!contains_ignore_case("fail", "failed"));
        assert!(!contains_ignore_case(
            "Mail Delivery Syst",
            "mail delivery system"
        ));
    }

    #[test]
    fn fixed_words_in_short_and_long_texts() {
        let long = format!("{}Generating server: mx.example.jp", "x".repeat(100));
        assert!(long.holds("Generating server:"));
        assert!(!long.holds("generating server:"));
        assert!("a short line".holds("short"));
        assert!(!"a short line".holds("shorts"));
        assert!("abc".holds(""));
        assert!(!"ab".holds("abc"));
    }

    #[test]
    fn lines_beginning_with() {
        assert!(has_line_beginning("a\nHi. This", "Hi."));
        assert!(has_line_beginning("Hi. This", "Hi."));
        assert!(!has_line_beginning("a Hi. This", "Hi."));
        assert!(has_line_starting("x\n   Hi. there", &["Hi."]));
    }
}
