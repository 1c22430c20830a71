//! The build-time snapshot's byte format: what `build.rs` writes after checking `data/` and
//! what the browser reads at start-up. Hand-written rather than derived: the reader is a few
//! hundred bytes of WASM, where a generic deserializer (serde visitors through postcard) was
//! 23 KB. Nothing here is validated again: the writer only ever sees checked data, and the
//! reader only refuses bytes it cannot read (truncated, a bad tag, bad UTF-8).
//!
//! Format: fields in declaration order. Unsigned integers are LEB128, `f64` is 8 bytes
//! little-endian, a string or a list is its length then its items, an `Option` or an enum is a
//! one-byte tag then its contents, a map is a list of pairs in key order.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use crate::bundle::Snapshot;
use crate::collate::Collation;
use crate::colour::Rgb;
use crate::data::charts::{
    ChartDef, Colour, Coord, Each, Expect, Kind, Report, RowsDef, Selector, SeriesDef, Show, Sort,
};
use crate::data::model::{
    Code, Country, Dataset, Note, NoteKind, Population, PopulationInfo, PubDate, Published,
    Question, QuestionKind, Read, Source, SourceKind, Survey, Unit, Value, Via,
};
use crate::spec::{
    Cell, Chart, ChartNote, Origin, Row, Series, Shown, SourceLine, SourceLink, ValueScale,
};
use crate::text::{ChartText, DataText, Locale, QuestionText, Strings, SurveyText, Ui};
use crate::views::{Known, KnownChart, Prebuilt};

/// Why the bytes could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
    pub what: &'static str,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "snapshot byte {}: {}", self.at, self.what)
    }
}

/// Reads on after a problem, returning empty values, and keeps the first problem: one check
/// at the end instead of an early return (and its clean-up code) after every field.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    error: Option<Error>,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            at: 0,
            error: None,
        }
    }
    fn fail(&mut self, at: usize, what: &'static str) {
        if self.error.is_none() {
            self.error = Some(Error { at, what });
        }
        // Nothing more is read.
        self.at = self.bytes.len();
    }
    fn take(&mut self, n: usize) -> &'a [u8] {
        match self.bytes.get(self.at..self.at.saturating_add(n)) {
            Some(s) => {
                self.at += n;
                s
            }
            None => {
                self.fail(self.at, "the snapshot ends early");
                &[]
            }
        }
    }
    fn byte(&mut self) -> u8 {
        self.take(1).first().copied().unwrap_or(0)
    }
    #[inline(never)]
    fn uint(&mut self) -> u64 {
        let start = self.at;
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return v;
            }
        }
        self.fail(start, "a number is too long");
        0
    }
    fn tag(&mut self, count: u8) -> u8 {
        let at = self.at;
        let t = self.byte();
        if t < count {
            t
        } else {
            self.fail(at, "an unknown tag");
            0
        }
    }
    /// The value read, or the first problem. A value read from bad bytes is not dropped but
    /// forgotten: the report stops there, and the drop code of the whole snapshot would be
    /// 3 KB of the WASM for a path that frees a few kilobytes once.
    fn finish<T>(self, value: T) -> Result<T, Error> {
        match self.error {
            Some(e) => {
                std::mem::forget(value);
                Err(e)
            }
            None => Ok(value),
        }
    }
}

/// A type the snapshot holds.
pub trait Pack: Sized {
    fn pack(&self, out: &mut Vec<u8>);
    /// Never fails on its own: a problem is kept in the reader (see `Reader`).
    fn unpack(r: &mut Reader) -> Self;
}

/// The language-neutral part as bytes (build time): the data (its codes and figures, without
/// the words an edition lays over them) and the chart definitions. The WASM embeds it.
pub fn write_core(s: &Snapshot) -> Vec<u8> {
    let mut out = Vec::new();
    let mut data = s.data.clone();
    data.unlocalise();
    data.pack(&mut out);
    s.report.pack(&mut out);
    out
}

/// An edition's strings as bytes (build time); each page carries its own (`to_text`).
pub fn write_strings(s: &Strings) -> Vec<u8> {
    let mut out = Vec::new();
    s.pack(&mut out);
    out
}

/// The snapshot back from the core and an edition's strings; every byte must be used.
pub fn read(core: &[u8], strings: &[u8]) -> Result<Snapshot, Error> {
    let mut r = Reader::new(core);
    let data = Dataset::unpack(&mut r);
    let report = Report::unpack(&mut r);
    if r.at != core.len() {
        r.fail(r.at, "bytes left after the snapshot");
    }
    let (data, report) = r.finish((data, report))?;
    let mut r = Reader::new(strings);
    let strings = Strings::unpack(&mut r);
    if r.at != r.bytes.len() {
        r.fail(r.at, "bytes left after the strings");
    }
    let (data, report, strings) = r.finish((data, report, strings))?;
    let mut snap = Snapshot {
        data,
        report,
        strings,
    };
    snap.localise();
    Ok(snap)
}

/// The element of the report page that carries its edition's strings (`to_text`).
pub const STRINGS_ID: &str = "report-strings";
/// The block of the data and chart definitions (`write_core`) in a page the live preview
/// writes; a development build of the WASM reads it in place of its own.
pub const CORE_ID: &str = "report-core";

/// The element of an embed document that carries its chart's views (`to_text`).
pub const VIEWS_ID: &str = "report-views";

/// A value kept as its bytes and read when it is asked for (`get`): a reader pays for what it
/// uses. Its bytes are a length and the value's own.
#[derive(Debug, Clone, PartialEq)]
pub struct Lazy<T> {
    bytes: Vec<u8>,
    of: PhantomData<fn() -> T>,
}

impl<T: Pack> Lazy<T> {
    pub fn new(value: &T) -> Lazy<T> {
        let mut bytes = Vec::new();
        value.pack(&mut bytes);
        Lazy {
            bytes,
            of: PhantomData,
        }
    }
    /// The value; every byte must be used.
    pub fn get(&self) -> Result<T, Error> {
        let mut r = Reader::new(&self.bytes);
        let value = T::unpack(&mut r);
        if r.at != self.bytes.len() {
            r.fail(r.at, "bytes left after a value");
        }
        r.finish(value)
    }
}

impl<T> Pack for Lazy<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        self.bytes.len().pack(out);
        out.extend_from_slice(&self.bytes);
    }
    fn unpack(r: &mut Reader) -> Self {
        let n = usize::unpack(r);
        Lazy {
            bytes: r.take(n).to_vec(),
            of: PhantomData,
        }
    }
}

/// An embed document's chart views as bytes (build time).
pub fn write_views(v: &Prebuilt) -> Vec<u8> {
    let mut out = Vec::new();
    v.pack(&mut out);
    out
}

/// The views back (browser); every byte must be used.
pub fn read_views(bytes: &[u8]) -> Result<Prebuilt, Error> {
    let mut r = Reader::new(bytes);
    let views = Prebuilt::unpack(&mut r);
    if r.at != bytes.len() {
        r.fail(r.at, "bytes left after the views");
    }
    r.finish(views)
}

/// Bytes as text a page can carry in a `<script type="application/octet-stream">` block:
/// printable ASCII (but `<`, `&` and `\\`) and whole UTF-8 characters stay as they are, so
/// the strings read as themselves and compress well; every other byte `b` is the character
/// U+0100 + `b`. A character of U+0100..U+01FF in the strings is itself written byte by
/// byte that way, so `from_text` always gives the bytes back.
pub fn to_text(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x20..0x7f).contains(&b) && !matches!(b, b'<' | b'&' | b'\\') {
            out.push(char::from(b));
            i += 1;
            continue;
        }
        let len = match b {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => 0,
        };
        if let Some(c) = bytes
            .get(i..i + len)
            .and_then(|s| std::str::from_utf8(s).ok())
            .and_then(|s| s.chars().next())
            .filter(|c| !('\u{100}'..='\u{1ff}').contains(c))
        {
            out.push(c);
            i += len;
            continue;
        }
        out.push(char::from_u32(0x100 + u32::from(b)).unwrap_or('\u{100}'));
        i += 1;
    }
    out
}

/// The bytes `to_text` wrote.
pub fn from_text(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        match c as u32 {
            v @ 0x100..=0x1ff => out.push((v - 0x100) as u8),
            _ => out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes()),
        }
    }
    out
}

mod pack;

#[cfg(test)]
mod tests {
    use super::pack::pack_uint;
    use super::*;

    fn snapshot() -> Snapshot {
        crate::test_data().snapshot()
    }

    #[test]
    fn every_edition_reads_back_equal_from_the_core_and_its_own_strings() {
        let editions = crate::test_editions();
        assert!(editions.len() >= 2, "data/ has translated editions");
        let core = write_core(&editions[0].snapshot());
        for e in &editions {
            let s = e.snapshot();
            let text = to_text(&write_strings(&s.strings));
            assert!(
                !text.contains('<') && !text.contains('&'),
                "safe in a script block"
            );
            assert_eq!(read(&core, &from_text(&text)).expect("reads back"), s);
            // The core is the same whatever the edition: it carries no edition's words.
            assert_eq!(write_core(&s), core);
        }
    }

    #[test]
    fn every_embeds_views_read_back_equal_in_every_edition() {
        for e in crate::test_editions() {
            let s = e.snapshot();
            for id in s.report.ids() {
                let v = Prebuilt::of(&s, id).expect("builds");
                let bytes = write_views(&v);
                for (_, view) in &v.views {
                    assert_eq!(view.get().expect("reads").id, id);
                }
                assert_eq!(
                    read_views(&from_text(&to_text(&bytes))).as_ref(),
                    Ok(&v),
                    "{id}"
                );
                let cut = bytes.len() / 3;
                assert!(read_views(&bytes[..cut]).unwrap_err().at <= cut);
                let mut more = bytes.clone();
                more.push(0);
                assert_eq!(
                    read_views(&more).unwrap_err().what,
                    "bytes left after the views"
                );
            }
        }
    }

    #[test]
    fn a_lazy_value_is_read_when_asked_for_and_refused_if_damaged() {
        let v = vec!["Japan".to_owned(), "ไทย".to_owned()];
        let lazy = Lazy::new(&v);
        let mut out = Vec::new();
        lazy.pack(&mut out);
        let mut r = Reader::new(&out);
        let back = Lazy::<Vec<String>>::unpack(&mut r);
        assert_eq!(r.at, out.len());
        assert_eq!(back.get(), Ok(v));
        let mut r = Reader::new(&out[..out.len() - 2]);
        let _ = Lazy::<Vec<String>>::unpack(&mut r);
        assert!(
            r.error.is_some(),
            "a truncated lazy value is refused when read"
        );
        let bad = Lazy::<Vec<String>> {
            bytes: vec![1, 9, b'x'],
            of: PhantomData,
        };
        assert_eq!(bad.get().unwrap_err().what, "the snapshot ends early");
        let long = Lazy::<u8> {
            bytes: vec![1, 2],
            of: PhantomData,
        };
        assert_eq!(long.get().unwrap_err().what, "bytes left after a value");
    }

    #[test]
    fn text_carries_any_bytes() {
        let all: Vec<u8> = (0..=255u8).chain("ĀſÿŁ日本ไทย<&\\".bytes()).collect();
        let text = to_text(&all);
        assert!(!text.contains('<') && !text.contains('&') && !text.contains('\\'));
        assert_eq!(from_text(&text), all);
    }

    #[test]
    fn a_truncated_snapshot_is_refused_with_its_position() {
        let s = snapshot();
        let bytes = write_core(&s);
        let strings = write_strings(&s.strings);
        let cut = bytes.len() / 2;
        let e = read(&bytes[..cut], &strings).unwrap_err();
        assert!(e.at <= cut, "{e}");
        assert!(e.to_string().starts_with("snapshot byte "), "{e}");
        assert!(read(&bytes, &strings[..strings.len() / 2]).is_err());
    }

    #[test]
    fn trailing_bytes_and_bad_tags_are_refused() {
        let s = snapshot();
        let mut bytes = write_core(&s);
        bytes.push(0);
        assert_eq!(
            read(&bytes, &write_strings(&s.strings)).unwrap_err(),
            Error {
                at: bytes.len() - 1,
                what: "bytes left after the snapshot"
            }
        );
        let mut r = Reader::new(&[7]);
        Unit::unpack(&mut r);
        let unknown = Error {
            at: 0,
            what: "an unknown tag",
        };
        assert_eq!(r.error, Some(unknown));
        let mut r = Reader::new(&[2, b'X', b' ']);
        Code::unpack(&mut r);
        assert_eq!(r.error.unwrap().what, "a malformed population code");
    }

    #[test]
    fn numbers_round_trip_at_their_limits() {
        for v in [0u64, 1, 127, 128, 16_383, 16_384, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            pack_uint(v, &mut out);
            let mut r = Reader::new(&out);
            assert_eq!(r.uint(), v);
            assert_eq!(r.at, out.len());
        }
        let mut r = Reader::new(&[0x80, 0x02]);
        u8::unpack(&mut r);
        assert_eq!(r.error.unwrap().what, "a number out of range");
    }
}
