//! `Pack` for every type the snapshot holds: integers as LEB128, strings and lists with
//! their length, structs field by field in order (`fields!`), enums by their position
//! (`unit_enum!`), and the few types with a shape of their own.

use super::*;

pub(super) fn pack_uint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

macro_rules! uints {
    ($($t:ty),*) => {$(
        impl Pack for $t {
            fn pack(&self, out: &mut Vec<u8>) {
                pack_uint(*self as u64, out)
            }
            fn unpack(r: &mut Reader) -> Self {
                let at = r.at;
                let v = r.uint();
                <$t>::try_from(v).unwrap_or_else(|_| {
                    r.fail(at, "a number out of range");
                    0
                })
            }
        }
    )*};
}
uints!(u8, u16, u32, usize);

impl Pack for f64 {
    fn pack(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn unpack(r: &mut Reader) -> Self {
        match r.take(8).try_into() {
            Ok(b) => f64::from_le_bytes(b),
            Err(_) => 0.0,
        }
    }
}

impl Pack for String {
    fn pack(&self, out: &mut Vec<u8>) {
        self.len().pack(out);
        out.extend_from_slice(self.as_bytes());
    }
    #[inline(never)]
    fn unpack(r: &mut Reader) -> Self {
        let n = usize::unpack(r);
        let at = r.at;
        match std::str::from_utf8(r.take(n)) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                r.fail(at, "a string is not UTF-8");
                String::new()
            }
        }
    }
}

impl<T: Pack> Pack for Option<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.pack(out);
            }
        }
    }
    fn unpack(r: &mut Reader) -> Self {
        match r.tag(2) {
            0 => None,
            _ => Some(T::unpack(r)),
        }
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        self.len().pack(out);
        for v in self {
            v.pack(out);
        }
    }
    fn unpack(r: &mut Reader) -> Self {
        let n = usize::unpack(r);
        // Every item takes at least a byte: a corrupt length cannot reserve more than that,
        // and after a problem nothing is left to read.
        let n = n.min(r.bytes.len() - r.at);
        (0..n).map(|_| T::unpack(r)).collect()
    }
}

impl<V: Pack> Pack for BTreeMap<String, V> {
    fn pack(&self, out: &mut Vec<u8>) {
        self.len().pack(out);
        for (k, v) in self {
            k.pack(out);
            v.pack(out);
        }
    }
    fn unpack(r: &mut Reader) -> Self {
        let n = usize::unpack(r);
        let n = n.min(r.bytes.len() - r.at);
        // Inserted one by one: collecting into a map sorts first (several KB of sort code).
        let mut m = BTreeMap::new();
        for _ in 0..n {
            let k = String::unpack(r);
            m.insert(k, V::unpack(r));
        }
        m
    }
}

impl<A: Pack, B: Pack> Pack for (A, B) {
    fn pack(&self, out: &mut Vec<u8>) {
        self.0.pack(out);
        self.1.pack(out);
    }
    fn unpack(r: &mut Reader) -> Self {
        (A::unpack(r), B::unpack(r))
    }
}

/// A struct as its fields in order.
macro_rules! fields {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Pack for $t {
            fn pack(&self, out: &mut Vec<u8>) {
                $( self.$f.pack(out); )*
            }
            fn unpack(r: &mut Reader) -> Self {
                $t { $( $f: Pack::unpack(r), )* }
            }
        }
    };
}

/// An enum without data as its position in `ALL`.
macro_rules! unit_enum {
    ($t:ident [$($v:ident),* $(,)?]) => {
        impl Pack for $t {
            fn pack(&self, out: &mut Vec<u8>) {
                const ALL: &[$t] = &[$($t::$v),*];
                out.push(ALL.iter().position(|v| v == self).unwrap_or(0) as u8);
            }
            fn unpack(r: &mut Reader) -> Self {
                const ALL: &[$t] = &[$($t::$v),*];
                ALL[usize::from(r.tag(ALL.len() as u8))]
            }
        }
    };
}

fields!(Snapshot {
    data,
    report,
    strings
});
fields!(Dataset {
    survey,
    populations,
    questions,
    values,
    sources,
    notes
});
fields!(Survey {
    title,
    publisher,
    published,
    editions,
    respondents,
    fieldwork,
    mode,
    languages,
    weighting,
    method_sources,
});
fields!(Question {
    id,
    title,
    wording,
    measure,
    kind,
    unit,
    base
});
fields!(Value {
    question,
    year,
    population,
    option,
    value,
    sources
});
fields!(PubDate { year, month, day });
fields!(Source {
    id,
    kind,
    outlet,
    title,
    author,
    date,
    url,
    language,
    blog,
    via,
});
fields!(Via { how, at });
fields!(Note {
    id,
    question,
    year,
    population,
    option,
    kind,
    text,
    sources,
});
fields!(PopulationInfo {
    code,
    name,
    region,
    in_average
});
fields!(Report {
    sections,
    editions,
    highlight,
    updated,
    publisher,
    colours,
    charts
});
fields!(Colour { role, light, dark });
fields!(Coord {
    question,
    year,
    population,
    option
});
fields!(SeriesDef {
    label,
    at,
    selected,
    emphasis,
    colour
});
fields!(RowsDef {
    each,
    populations,
    years,
    sort,
    label,
    at
});
fields!(Selector {
    show,
    series,
    sort_by
});
fields!(Expect {
    row,
    position,
    line
});
fields!(ChartDef {
    id,
    kind,
    at,
    series,
    rows,
    sort_by,
    remainder,
    selector,
    expect,
    line,
});
// The catalogs' types, field by field (after the macros, which it uses).
mod words;

fields!(Prebuilt {
    known,
    ui,
    id,
    views
});
fields!(Known {
    region,
    members,
    charts,
    sections
});
fields!(KnownChart { id, selector });
fields!(Chart {
    id,
    kind,
    title,
    takeaway,
    subtitle,
    scale,
    series,
    rows,
    notes,
    source,
    row_header,
    not_published,
    locale,
    list
});
fields!(Series {
    label,
    emphasis,
    colour
});
fields!(Row {
    label,
    full_label,
    highlight,
    cells
});
fields!(Shown { value, origin });
fields!(Origin {
    question,
    option,
    year,
    population,
    unit,
    base,
    sources
});
fields!(ChartNote {
    about,
    kind,
    text,
    sources
});
fields!(SourceLine { survey, read_in });
fields!(SourceLink { name, date, url });
unit_enum!(QuestionKind[SingleChoice, Measure]);
unit_enum!(Kind[Bars, Diverging, Line]);
unit_enum!(Each[Option, Population, One, Year]);
unit_enum!(Sort[Given, Descending, LeftSide]);
unit_enum!(Show[Series, Row]);
unit_enum!(SourceKind[Outlet, Work]);
unit_enum!(Read[Republished, Published, Aggregator, Mirror, Proxy, StoredProxy]);
unit_enum!(NoteKind[Conflict, Coverage, Wording, Attribution, Base, Edition]);

impl Pack for Unit {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            Unit::Percent => out.push(0),
            Unit::Score { max } => {
                out.push(1);
                max.pack(out);
            }
            Unit::Count => out.push(2),
            Unit::Currency { code } => {
                out.push(3);
                code.pack(out);
            }
            Unit::Number => out.push(4),
        }
    }
    fn unpack(r: &mut Reader) -> Self {
        match r.tag(5) {
            0 => Unit::Percent,
            1 => Unit::Score {
                max: f64::unpack(r),
            },
            2 => Unit::Count,
            3 => Unit::Currency {
                code: Code::unpack(r),
            },
            _ => Unit::Number,
        }
    }
}

/// As the unit it is drawn from.
impl Pack for ValueScale {
    fn pack(&self, out: &mut Vec<u8>) {
        self.unit().pack(out);
    }
    fn unpack(r: &mut Reader) -> Self {
        ValueScale::of(Unit::unpack(r))
    }
}

impl Pack for Cell {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            Cell::NotPublished => out.push(0),
            Cell::Shown(s) => {
                out.push(1);
                s.pack(out);
            }
        }
    }
    fn unpack(r: &mut Reader) -> Self {
        match r.tag(2) {
            0 => Cell::NotPublished,
            _ => Cell::Shown(Shown::unpack(r)),
        }
    }
}

/// A value's unit as `Origin` names it (`spec::build`): one of two fixed words.
impl Pack for &'static str {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self == "score"));
    }
    fn unpack(r: &mut Reader) -> Self {
        match r.tag(2) {
            0 => "percent",
            _ => "score",
        }
    }
}

impl Pack for Country {
    fn pack(&self, out: &mut Vec<u8>) {
        self.0.pack(out);
    }
    fn unpack(r: &mut Reader) -> Self {
        Country(Code::unpack(r))
    }
}

impl Pack for bool {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn unpack(r: &mut Reader) -> Self {
        r.tag(2) == 1
    }
}

impl Pack for Rgb {
    fn pack(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&[self.0, self.1, self.2]);
    }
    fn unpack(r: &mut Reader) -> Self {
        match r.take(3) {
            [a, b, c] => Rgb(*a, *b, *c),
            _ => Rgb(0, 0, 0),
        }
    }
}

impl Pack for Code {
    fn pack(&self, out: &mut Vec<u8>) {
        self.as_str().to_owned().pack(out);
    }
    fn unpack(r: &mut Reader) -> Self {
        let at = r.at;
        let code = String::unpack(r);
        Code::new(&code).unwrap_or_else(|| {
            r.fail(at, "a malformed population code");
            Code::NONE
        })
    }
}

impl Pack for Population {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            Population::Region(c) => {
                out.push(0);
                c.pack(out);
            }
            Population::Country(c) => {
                out.push(1);
                c.0.pack(out);
            }
        }
    }
    fn unpack(r: &mut Reader) -> Self {
        match r.tag(2) {
            0 => Population::Region(Code::unpack(r)),
            _ => Population::Country(Country(Code::unpack(r))),
        }
    }
}

impl Pack for Published {
    fn pack(&self, out: &mut Vec<u8>) {
        self.text().to_owned().pack(out);
        self.number().pack(out);
    }
    fn unpack(r: &mut Reader) -> Self {
        let text = String::unpack(r);
        Published::from_parts(text, f64::unpack(r))
    }
}
