//! "Did you mean" for the domain of an address: the mail domains of the big providers and of
//! the Japanese carriers and ISPs, where a typo (`gmial.com`, `docomo.ne.j`) sends mail
//! nowhere.

/// Receiving domains people mistype most: the big web-mail providers, the Japanese mobile
/// carriers and ISPs.
const KNOWN: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.co.jp",
    "ymail.ne.jp",
    "outlook.com",
    "outlook.jp",
    "hotmail.com",
    "hotmail.co.jp",
    "live.com",
    "live.jp",
    "msn.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "au.com",
    "softbank.ne.jp",
    "i.softbank.jp",
    "ymobile.ne.jp",
    "y-mobile.ne.jp",
    "rakuten.jp",
    "biglobe.ne.jp",
    "nifty.com",
    "so-net.ne.jp",
    "ocn.ne.jp",
    "plala.or.jp",
    "excite.co.jp",
    "infoseek.jp",
    "mail.com",
    "gmx.com",
    "gmx.net",
    "web.de",
    "zoho.com",
    "proton.me",
    "protonmail.com",
    "yandex.ru",
    "qq.com",
    "163.com",
];

/// The known domain an address's domain is most likely a typo of: one or two edits away
/// (a swapped pair of letters is one), and not itself a known domain.
pub fn near_known(domain: &str) -> Option<&'static str> {
    let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    if d.is_empty() || KNOWN.contains(&d.as_str()) {
        return None;
    }
    let limit = if d.len() >= 8 { 2 } else { 1 };
    KNOWN
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&d, k), *k))
        .filter(|(dist, _)| *dist <= limit)
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, k)| k)
}

/// The address with its domain replaced by the known one it is a typo of, if it is one.
pub fn corrected_address(address: &str) -> Option<String> {
    let (local, domain) = address.rsplit_once('@')?;
    near_known(domain).map(|k| format!("{local}@{k}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_of_known_domains() {
        assert_eq!(near_known("gmial.com"), Some("gmail.com"));
        assert_eq!(near_known("docomo.ne.j"), Some("docomo.ne.jp"));
        assert_eq!(near_known("ezweb.ne.jo"), Some("ezweb.ne.jp"));
        assert_eq!(near_known("yahoo.co.jpp"), Some("yahoo.co.jp"));
        assert_eq!(near_known("hotmial.com"), Some("hotmail.com"));
        assert_eq!(
            corrected_address("taro@gmial.com").as_deref(),
            Some("taro@gmail.com")
        );
    }

    #[test]
    fn known_and_unrelated_domains_are_left_alone() {
        assert_eq!(near_known("gmail.com"), None);
        assert_eq!(near_known("Docomo.ne.jp"), None);
        assert_eq!(near_known("example.co.jp"), None);
        assert_eq!(near_known("mail.com"), None);
        assert_eq!(near_known("ntt.com"), None);
    }
}
