//! Text as the build sees it before any browser does: how wide a string is, about, and where
//! a line may break. The static charts, cards and still images are laid out with these; the
//! browser draws the same strings with the real fonts, and the end-to-end tests measure there
//! that nothing overflows (`labels fit` in tests/e2e/editions.test.mjs).
//!
//! Widths are deliberately generous estimates (in ems) for the system sans-serif fonts of each
//! script: Latin about 0.55 em a letter, Chinese and Japanese characters 1 em, a Thai base
//! letter about 0.62 em and its vowel and tone marks nothing (they sit above or below).
//!
//! Breaks: at spaces (which are dropped at the break), at a zero-width space U+200B (which the
//! Thai catalog puts between words of short labels: Thai writes no spaces between words), and
//! between two Chinese or Japanese characters except before closing punctuation, small kana
//! and the long vowel mark, or after opening brackets (the basic Japanese line-breaking rule,
//! kinsoku).

/// The size chart row labels are drawn at, in CSS px.
pub const LABEL_FONT_PX: f64 = 14.0;

/// A row label's room on a 320 px phone: the chart is as wide as the page less its margins.
pub const PHONE_LABEL_ROOM: f64 = 288.0;

/// The estimated width of a row label that would not fit a phone's chart width, or `None`
/// (bold, as the highlighted row draws it, is taken as 8% wider). The browser tests measure
/// the real fonts.
pub fn label_fits_phone(label: &str) -> Option<f64> {
    let px = (width_px(label, LABEL_FONT_PX) * 1.08).ceil();
    (px > PHONE_LABEL_ROOM).then_some(px)
}

/// Zero-width space: a break opportunity that takes no room.
pub const ZWSP: char = '\u{200B}';

fn thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

fn wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{303E}' | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

/// A character's advance, in ems (an upper estimate).
pub fn advance(c: char) -> f64 {
    match c {
        ZWSP | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => 0.0,
        c if thai_mark(c) => 0.0,
        '\u{0E00}'..='\u{0E7F}' => 0.62,
        c if wide(c) => 1.0,
        ' ' => 0.3,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '!' | '\'' | '|' | 'I' | '(' | ')' => 0.32,
        'f' | 't' | 'r' | '-' => 0.42,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.92,
        'A'..='Z' => 0.72,
        '0'..='9' => 0.58,
        _ => 0.58,
    }
}

/// A string's width in ems (an upper estimate).
pub fn width_em(s: &str) -> f64 {
    s.chars().map(advance).sum()
}

/// A string's width in CSS px at a font size.
pub fn width_px(s: &str, font_px: f64) -> f64 {
    width_em(s) * font_px
}

fn no_break_before(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '！'
            | '？'
            | '：'
            | '；'
            | 'ー'
            | '・'
            | '々'
            | '%'
            | ')'
            | ','
            | '.'
            | ':'
            | ';'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
    )
}

fn no_break_after(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '【' | '〔' | '〈' | '《' | '(')
}

/// The pieces a line may be broken between: each ends at a break opportunity. A piece keeps
/// its trailing space or zero-width space (`trimmed` drops them at a line's end).
pub fn pieces(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if let Some(p) = prev {
            let after_space = p == ' ' || p == ZWSP;
            let cjk = (wide(p) || wide(c))
                && !no_break_before(c)
                && !no_break_after(p)
                && c != ' '
                && p != ' ';
            if (after_space && c != ' ') || cjk {
                out.push(&s[start..i]);
                start = i;
            }
        }
        prev = Some(c);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn trimmed(line: &str) -> &str {
    line.trim_end_matches([' ', ZWSP])
}

/// Where a piece wider than a whole line may be cut as a last resort: between two characters
/// unless the second is a Thai vowel or tone mark that belongs to the letter before it, or the
/// first a Thai vowel written before its consonant. (A Thai word is then cut inside; the Thai
/// catalog marks word boundaries in the labels, so only long running text can come to this.)
fn cuttable(a: char, b: char) -> bool {
    !thai_mark(b)
        && !matches!(b, 'ะ' | 'า' | 'ำ' | 'ๅ' | 'ๆ')
        && !matches!(a, 'เ' | 'แ' | 'โ' | 'ใ' | 'ไ')
}

/// A piece wider than `max_em`, cut where `cuttable` allows into parts that fit (a cluster
/// that cannot be cut stays whole).
fn cut(piece: &str, max_em: f64) -> Vec<String> {
    let mut clusters: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    for c in piece.chars() {
        match (prev, clusters.last_mut()) {
            (Some(p), Some(last)) if !cuttable(p, c) => last.push(c),
            _ => clusters.push(c.to_string()),
        }
        prev = Some(c);
    }
    let mut out: Vec<String> = Vec::new();
    let mut part = String::new();
    for c in clusters {
        if !part.is_empty() && width_em(&part) + width_em(&c) > max_em {
            out.push(std::mem::take(&mut part));
        }
        part.push_str(&c);
    }
    if !part.is_empty() {
        out.push(part);
    }
    out
}

/// `text` in lines of at most `max_em` ems, broken at the opportunities `pieces` finds; a piece
/// wider than a whole line is cut (`cut`). Zero-width spaces are kept: they are invisible and
/// keep the words apart for the browser's own line breaking.
pub fn wrap(text: &str, max_em: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut all: Vec<String> = Vec::new();
    for piece in pieces(text.trim()) {
        if width_em(trimmed(piece)) > max_em {
            all.extend(cut(piece, max_em));
        } else {
            all.push(piece.to_owned());
        }
    }
    for piece in all.iter().map(String::as_str) {
        let candidate = format!("{line}{piece}");
        if !line.is_empty() && width_em(trimmed(&candidate)) > max_em {
            lines.push(trimmed(&line).to_owned());
            line = piece.trim_start().to_owned();
        } else {
            line = candidate;
        }
    }
    let last = trimmed(&line);
    if !last.is_empty() {
        lines.push(last.to_owned());
    }
    lines
}

/// Without zero-width spaces: for the accessible name, the table and the downloads, where
/// the invisible break marks are noise.
pub fn plain(s: &str) -> String {
    s.replace(ZWSP, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_breaks_at_spaces() {
        assert_eq!(wrap("one two three", 3.0), ["one", "two", "three"]);
        assert_eq!(wrap("one two three", 100.0), ["one two three"]);
        assert_eq!(wrap("", 10.0), Vec::<String>::new());
    }

    #[test]
    fn japanese_breaks_between_characters_but_not_before_closing_marks() {
        let lines = wrap("日本は最も信頼される大国（2024年）。", 6.0);
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines {
            assert!(width_em(l) <= 6.0, "{l}");
            let first = l.chars().next().unwrap();
            assert!(!no_break_before(first), "{l} starts with a closing mark");
            let last = l.chars().last().unwrap();
            assert!(!no_break_after(last), "{l} ends with an opening bracket");
        }
        assert_eq!(lines.concat(), "日本は最も信頼される大国（2024年）。");
    }

    #[test]
    fn thai_breaks_only_at_its_marked_word_boundaries() {
        let label = "ยึดมั่น\u{200B}กฎหมาย\u{200B}ระหว่าง\u{200B}ประเทศ";
        let lines = wrap(label, 8.0);
        assert_eq!(plain(&lines.concat()), "ยึดมั่นกฎหมายระหว่างประเทศ");
        assert!(lines.len() >= 2);
        for l in &lines {
            assert!(!l.starts_with(ZWSP) && !l.ends_with(ZWSP), "{l:?}");
        }
        // Vowel and tone marks take no room.
        assert!((width_em("กั้น") - 2.0 * 0.62).abs() < 1e-9);
        // Without marks, a Thai phrase is broken only where it would overflow, and never
        // before a mark or after a leading vowel.
        assert_eq!(wrap("ความไว้วางใจ", 10.0), ["ความไว้วางใจ"]);
        let cut = wrap("ความไว้วางใจเพิ่มขึ้น", 4.0);
        assert_eq!(cut.concat(), "ความไว้วางใจเพิ่มขึ้น");
        for l in &cut {
            assert!(width_em(l) <= 4.0 + 1e-9, "{l}");
            let first = l.chars().next().unwrap();
            assert!(!thai_mark(first) && first != 'า', "{l}");
            assert!(
                !matches!(l.chars().last().unwrap(), 'เ' | 'แ' | 'โ' | 'ใ' | 'ไ'),
                "{l}"
            );
        }
    }
}
