//! The order of names in each edition (country selectors, source lists). Three rules, named by
//! `[locale] collation` in the ui catalog:
//! - `latin`: A to Z, case and accents ignored, a leading "the " ignored ("the Philippines"
//!   sorts under P);
//! - `kana`: gojūon order of kana (katakana and hiragana alike, voiced marks and the long
//!   vowel mark ignored at first), then Latin names A to Z before them as Japanese indexes do;
//! - `thai`: Thai dictionary order: consonants first, a leading vowel (เ แ โ ใ ไ) read after
//!   the consonant it precedes, tone marks ignored at first.
//!
//! Ties at the first level are broken by the names as written, so the order is total and the
//! same on every machine. Names in other scripts follow in code point order.

use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collation {
    Latin,
    Kana,
    Thai,
}

impl Collation {
    pub fn parse(s: &str) -> Option<Collation> {
        match s {
            "latin" => Some(Collation::Latin),
            "kana" => Some(Collation::Kana),
            "thai" => Some(Collation::Thai),
            _ => None,
        }
    }

    /// Compare two names under this rule.
    pub fn compare(self, a: &str, b: &str) -> Ordering {
        key(self, a).cmp(&key(self, b)).then_with(|| a.cmp(b))
    }
}

/// A Latin letter without its accent, lower-cased (the accents Southeast Asian and European
/// names of this report use).
fn fold_latin(c: char) -> char {
    let c = c.to_ascii_lowercase();
    match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'ă' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => 'a',
        'ç' | 'Ç' => 'c',
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'ế' | 'ề' | 'ệ' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ō' | 'ơ' | 'ố' | 'ồ' | 'ộ' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'ư' => 'u',
        'đ' | 'Đ' => 'd',
        other => other.to_lowercase().next().unwrap_or(other),
    }
}

/// Katakana as hiragana, without voicing: カ, ガ and か sort together.
fn fold_kana(c: char) -> Option<char> {
    let c = match c {
        'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        other => other,
    };
    if c == 'ー' || c == '・' {
        return None;
    }
    // Small kana as their full forms, voiced and half-voiced as the plain sound.
    const SMALL: &str = "ぁあぃいぅうぇえぉおっつゃやゅゆょよゎわ";
    let small: Vec<char> = SMALL.chars().collect();
    if let Some(i) = small.iter().position(|&s| s == c) {
        if i % 2 == 0 {
            return Some(small[i + 1]);
        }
    }
    let code = c as u32;
    let plain = match code {
        // か..ぢ: voiced forms follow their plain form one code point later.
        0x304B..=0x3062 if (code - 0x304B) % 2 == 1 => code - 1,
        0x3064..=0x3069 if (code - 0x3064) % 2 == 1 => code - 1,
        // は..ぽ: plain, voiced, half-voiced.
        0x306F..=0x307D => code - (code - 0x306F) % 3,
        0x3094 => 0x3046,
        other => other,
    };
    char::from_u32(plain)
}

fn is_thai_leading_vowel(c: char) -> bool {
    matches!(c, 'เ' | 'แ' | 'โ' | 'ใ' | 'ไ')
}

fn is_thai_tone_or_mark(c: char) -> bool {
    matches!(c, '\u{0E48}'..='\u{0E4E}')
}

/// The first-level key: what names sort by before ties.
fn key(rule: Collation, s: &str) -> Vec<(u8, u32)> {
    let s = s.trim();
    let s = match rule {
        Collation::Latin => s
            .strip_prefix("the ")
            .or_else(|| s.strip_prefix("The "))
            .unwrap_or(s),
        _ => s,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        // Scripts in a fixed order: digits, Latin, kana, Thai, then the rest.
        if c.is_ascii_digit() {
            out.push((0, c as u32));
        } else if c.is_alphabetic() && (c as u32) < 0x0250 {
            out.push((1, fold_latin(c) as u32));
        } else if ('\u{3041}'..='\u{30FF}').contains(&c) {
            if let Some(k) = fold_kana(c) {
                out.push((2, k as u32));
            }
        } else if ('\u{0E01}'..='\u{0E5B}').contains(&c) {
            if rule == Collation::Thai && is_thai_tone_or_mark(c) {
                continue;
            }
            if rule == Collation::Thai && is_thai_leading_vowel(c) && i < chars.len() {
                // The consonant first, then the vowel written before it.
                let next = chars[i];
                i += 1;
                out.push((3, next as u32));
                out.push((3, c as u32));
            } else {
                out.push((3, c as u32));
            }
        } else if c.is_alphanumeric() {
            out.push((4, c as u32));
        }
        // Spaces, punctuation and marks are ignored at the first level.
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(rule: Collation, names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| rule.compare(a, b));
        v
    }

    #[test]
    fn latin_ignores_case_accents_and_a_leading_the() {
        assert_eq!(
            sorted(
                Collation::Latin,
                &[
                    "Vietnam",
                    "the Philippines",
                    "Brunei",
                    "Đà Nẵng",
                    "myanmar",
                    "Malaysia"
                ]
            ),
            [
                "Brunei",
                "Đà Nẵng",
                "Malaysia",
                "myanmar",
                "the Philippines",
                "Vietnam"
            ]
        );
    }

    #[test]
    fn kana_follows_the_gojuon_order() {
        // The ASEAN members as Japanese newspapers write them, in the order of a Japanese index.
        assert_eq!(
            sorted(
                Collation::Kana,
                &[
                    "ブルネイ",
                    "カンボジア",
                    "インドネシア",
                    "ラオス",
                    "マレーシア",
                    "ミャンマー",
                    "フィリピン",
                    "シンガポール",
                    "タイ",
                    "ベトナム",
                ]
            ),
            [
                "インドネシア",
                "カンボジア",
                "シンガポール",
                "タイ",
                "フィリピン",
                "ブルネイ",
                "ベトナム",
                "マレーシア",
                "ミャンマー",
                "ラオス",
            ]
        );
        // Voiced and plain sounds sort together; Latin names come first.
        assert_eq!(
            sorted(Collation::Kana, &["ガーナ", "カナダ", "NHK"]),
            ["NHK", "ガーナ", "カナダ"]
        );
    }

    #[test]
    fn thai_reads_a_leading_vowel_after_its_consonant() {
        // เวียดนาม sorts under ว, after ลาว; ไทย under ท, before บรูไน.
        assert_eq!(
            sorted(
                Collation::Thai,
                &[
                    "บรูไน",
                    "กัมพูชา",
                    "อินโดนีเซีย",
                    "ลาว",
                    "มาเลเซีย",
                    "เมียนมา",
                    "ฟิลิปปินส์",
                    "สิงคโปร์",
                    "ไทย",
                    "เวียดนาม",
                ]
            ),
            [
                "กัมพูชา",
                "ไทย",
                "บรูไน",
                "ฟิลิปปินส์",
                "มาเลเซีย",
                "เมียนมา",
                "ลาว",
                "เวียดนาม",
                "สิงคโปร์",
                "อินโดนีเซีย",
            ]
        );
    }
}
