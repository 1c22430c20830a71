//! The whole dataset as a Frictionless Data Package (`downloads/datapackage.json`): every
//! published value, question, population, source, note and correction as CSV, each with a Table Schema
//! (types, required fields, keys between the tables), plus the licence and how to cite. The
//! build writes it; `./x test` validates it with `frictionless validate`.

use crate::bundle::Bundle;
use crate::data::{NoteKind, QuestionKind, Read, SourceKind, Unit};
use crate::export::{csv_line, json, BOM};

/// Where the package's files go, relative to the page.
pub const DESCRIPTOR: &str = "downloads/datapackage.json";

/// A column of a table: name, Table Schema type, whether every row has it, what it means.
struct Field(&'static str, &'static str, bool, &'static str);

struct Table {
    name: &'static str,
    title: &'static str,
    fields: Vec<Field>,
    primary_key: &'static [&'static str],
    /// (field, other table, its field)
    foreign_keys: &'static [(&'static str, &'static str, &'static str)],
    rows: Vec<Vec<String>>,
}

fn tables(b: &Bundle) -> Vec<Table> {
    let d = &b.data;
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let values = d
        .values
        .iter()
        .map(|v| {
            let sources: Vec<&str> = v
                .sources
                .iter()
                .map(|&i| d.sources[i].id.as_str())
                .collect();
            vec![
                d.questions[v.question].id.clone(),
                v.year.to_string(),
                v.population.to_string(),
                v.option.clone(),
                v.value.text().to_owned(),
                sources.join(" "),
            ]
        })
        .collect();
    let questions = d
        .questions
        .iter()
        .map(|q| {
            let max = match q.unit {
                Unit::Score { max } => crate::num::decimal(max, 0),
                _ => String::new(),
            };
            let currency = match q.unit {
                Unit::Currency { code } => code.as_str().to_owned(),
                _ => String::new(),
            };
            vec![
                q.id.clone(),
                q.title.clone(),
                opt(&q.wording),
                q.measure.clone(),
                match q.kind {
                    QuestionKind::SingleChoice => "single-choice",
                    QuestionKind::Measure => "measure",
                }
                .to_owned(),
                q.unit.name().to_owned(),
                max,
                currency,
                q.base.clone(),
            ]
        })
        .collect();
    let populations = d
        .populations
        .iter()
        .map(|p| {
            vec![
                p.code.as_str().to_owned(),
                p.name.clone(),
                p.region.to_string(),
                p.in_average.to_string(),
            ]
        })
        .collect();
    let sources = d
        .sources
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                match s.kind {
                    SourceKind::Outlet => "outlet",
                    SourceKind::Work => "work",
                }
                .to_owned(),
                s.outlet.clone(),
                opt(&s.title),
                opt(&s.author),
                s.date.map(|d| d.iso()).unwrap_or_default(),
                opt(&s.url),
                opt(&s.language),
                if s.blog { "blog" } else { "" }.to_owned(),
                s.via
                    .as_ref()
                    .and_then(|v| Read::ALL.iter().find(|(_, r)| *r == v.how))
                    .map_or("", |(name, _)| name)
                    .to_owned(),
                s.via.as_ref().map(|v| v.at.clone()).unwrap_or_default(),
            ]
        })
        .collect();
    let notes = d
        .notes
        .iter()
        .map(|n| {
            let sources: Vec<&str> = n
                .sources
                .iter()
                .map(|&i| d.sources[i].id.as_str())
                .collect();
            vec![
                d.questions[n.question].id.clone(),
                n.year.map(|y| y.to_string()).unwrap_or_default(),
                n.population.map(|p| p.to_string()).unwrap_or_default(),
                opt(&n.option),
                NoteKind::ALL
                    .iter()
                    .find(|(_, k)| *k == n.kind)
                    .map_or("", |(name, _)| name)
                    .to_owned(),
                n.text.clone(),
                sources.join(" "),
            ]
        })
        .collect();
    let corrections = b
        .corrections
        .iter()
        .map(|c| {
            vec![
                c.id.clone(),
                c.date.iso(),
                c.charts.join(" "),
                c.values.join(" "),
                c.text.clone(),
            ]
        })
        .collect();
    vec![
        Table {
            name: "values",
            title: "Published values: one figure per row, exactly as published",
            fields: vec![
                Field("question", "string", true, "The question (questions.csv)"),
                Field("year", "integer", true, "The survey edition"),
                Field(
                    "population",
                    "string",
                    true,
                    "Who answered (populations.csv)",
                ),
                Field("option", "string", true, "The answer, or the thing rated"),
                Field(
                    "value",
                    "number",
                    true,
                    "The figure as published (percent, or a mean score)",
                ),
                Field(
                    "sources",
                    "string",
                    true,
                    "Where it was read: source ids, space-separated (sources.csv)",
                ),
            ],
            primary_key: &["question", "year", "population", "option"],
            foreign_keys: &[
                ("question", "questions", "id"),
                ("population", "populations", "code"),
            ],
            rows: values,
        },
        Table {
            name: "questions",
            title: "The survey's questions",
            fields: vec![
                Field("id", "string", true, "The question's id"),
                Field("title", "string", true, "What it asks, in short"),
                Field(
                    "wording",
                    "string",
                    false,
                    "The survey's wording, where a source quotes it",
                ),
                Field("measure", "string", true, "What the number counts"),
                Field(
                    "kind",
                    "string",
                    true,
                    "single-choice (options add up to at most 100) or measure",
                ),
                Field(
                    "unit",
                    "string",
                    true,
                    "percent, score, count, currency or number",
                ),
                Field("scale_max", "number", false, "The top of a score's scale"),
                Field(
                    "currency",
                    "string",
                    false,
                    "A currency's ISO 4217 code, for amounts",
                ),
                Field("base", "string", true, "Who was asked"),
            ],
            primary_key: &["id"],
            foreign_keys: &[],
            rows: questions,
        },
        Table {
            name: "populations",
            title: "Who answered: the region and its member states",
            fields: vec![
                Field("code", "string", true, "The code values.csv uses"),
                Field("name", "string", true, "Its name"),
                Field("region", "boolean", true, "The survey's region-wide figure"),
                Field(
                    "in_average",
                    "boolean",
                    true,
                    "Counted in the region-wide figure",
                ),
            ],
            primary_key: &["code"],
            foreign_keys: &[],
            rows: populations,
        },
        Table {
            name: "sources",
            title: "Where each figure was read, and the works cited",
            fields: vec![
                Field("id", "string", true, "The source's id"),
                Field(
                    "type",
                    "string",
                    true,
                    "outlet (where a figure was read) or work",
                ),
                Field("outlet", "string", true, "The publication or publisher"),
                Field("title", "string", false, "Its title, where known"),
                Field("author", "string", false, "Its author, where known"),
                Field(
                    "date",
                    "string",
                    false,
                    "When it was published, as precisely as it says (YYYY, YYYY-MM or YYYY-MM-DD)",
                ),
                Field("url", "string", false, "Its address (every outlet has one)"),
                Field("language", "string", false, "Its language"),
                Field("genre", "string", false, "blog, for a blog post"),
                Field(
                    "read",
                    "string",
                    false,
                    "How a copy was read when not at the outlet itself: republished, published, read-on, mirror, proxy or stored-proxy",
                ),
                Field("via", "string", false, "Where that copy was read"),
            ],
            primary_key: &["id"],
            foreign_keys: &[],
            rows: sources,
        },
        Table {
            name: "notes",
            title: "Notes on the figures: conflicts between sources, coverage, wording",
            fields: vec![
                Field("question", "string", true, "The question (questions.csv)"),
                Field("year", "integer", false, "Narrowed to an edition"),
                Field("population", "string", false, "Narrowed to a population"),
                Field("option", "string", false, "Narrowed to an option"),
                Field(
                    "kind",
                    "string",
                    true,
                    "conflict, coverage, wording, attribution, base or edition",
                ),
                Field("text", "string", true, "The note"),
                Field("sources", "string", false, "Source ids, space-separated"),
            ],
            primary_key: &[],
            foreign_keys: &[("question", "questions", "id")],
            rows: notes,
        },
        Table {
            name: "corrections",
            title: "Corrections made after publication, newest first",
            fields: vec![
                Field("id", "string", true, "The correction's id (#correction-ID on the page)"),
                Field("date", "date", true, "The day it was made"),
                Field(
                    "charts",
                    "string",
                    true,
                    "The charts it changed: chart ids, space-separated",
                ),
                Field(
                    "values",
                    "string",
                    false,
                    "The figures it is about: value ids (v-CHART-QUESTION-YEAR-POPULATION-OPTION), space-separated",
                ),
                Field("text", "string", true, "What was corrected"),
            ],
            primary_key: &["id"],
            foreign_keys: &[],
            rows: corrections,
        },
    ]
}

/// The package: the descriptor and its CSVs (UTF-8 with a byte-order mark, so spreadsheet
/// programs read non-Latin text right), as (path relative to the page, contents).
pub fn files(b: &Bundle) -> Vec<(String, String)> {
    let tables = tables(b);
    let mut files = Vec::new();
    let mut resources = Vec::new();
    for t in &tables {
        let path = format!("dataset/{}.csv", t.name);
        let mut csv = String::from(BOM);
        let names: Vec<String> = t.fields.iter().map(|f| f.0.to_owned()).collect();
        csv.push_str(&csv_line(&names));
        for r in &t.rows {
            csv.push_str(&csv_line(r));
        }
        files.push((format!("downloads/{path}"), csv));
        let fields: Vec<String> = t
            .fields
            .iter()
            .map(|f| {
                format!(
                    "{{\"name\": {}, \"type\": {}, \"description\": {}{}}}",
                    json(f.0),
                    json(f.1),
                    json(f.3),
                    if f.2 {
                        ", \"constraints\": {\"required\": true}"
                    } else {
                        ""
                    }
                )
            })
            .collect();
        let pk: Vec<String> = t.primary_key.iter().map(|k| json(k)).collect();
        let fks: Vec<String> = t
            .foreign_keys
            .iter()
            .map(|(field, other, key)| {
                format!(
                    "{{\"fields\": {}, \"reference\": {{\"resource\": {}, \"fields\": {}}}}}",
                    json(field),
                    json(other),
                    json(key)
                )
            })
            .collect();
        let mut schema = format!("{{\"fields\": [{}]", fields.join(", "));
        if !pk.is_empty() {
            schema.push_str(&format!(", \"primaryKey\": [{}]", pk.join(", ")));
        }
        if !fks.is_empty() {
            schema.push_str(&format!(", \"foreignKeys\": [{}]", fks.join(", ")));
        }
        schema.push('}');
        resources.push(format!(
            "    {{\"name\": {}, \"title\": {}, \"path\": {}, \"format\": \"csv\", \"mediatype\": \"text/csv\", \"encoding\": \"utf-8-sig\", \"schema\": {}}}",
            json(t.name),
            json(t.title),
            json(&path),
            schema
        ));
    }
    let s = &b.data.survey;
    let page = &b.prose.page;
    let citation = format!(
        "{}, {} ({}); figures as read in the publications listed in sources.csv. Compiled for \"{}\".",
        s.publisher, s.title, s.published, page.title
    );
    let descriptor = format!(
        "{{\n  \"name\": \"report-dataset\",\n  \"title\": {},\n  \"description\": {},\n  \"licenses\": [{{\"name\": \"other-at\", \"title\": {}}}],\n  \"sources\": [{{\"title\": {}}}],\n  \"citation\": {},\n  \"resources\": [\n{}\n  ]\n}}\n",
        json(&format!("The data behind \"{}\"", page.title)),
        json("Every figure the report shows, exactly as published, with its question, who answered, where it was read, and the notes on it. Values not published have no row."),
        json("Published survey results, compiled with attribution: cite the survey and the publications in sources.csv"),
        json(&format!("{}, {}", s.publisher, s.title)),
        json(&citation),
        resources.join(",\n")
    );
    files.push((DESCRIPTOR.to_owned(), descriptor));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_package_holds_every_value_once_with_a_bom_and_a_schema() {
        let b = crate::test_data();
        let files = files(&b);
        let values = &files
            .iter()
            .find(|(p, _)| p == "downloads/dataset/values.csv")
            .unwrap()
            .1;
        assert!(values.starts_with("\u{feff}question,year,population,option,value,sources\n"));
        assert_eq!(values.lines().count(), 1 + b.data.values.len());
        assert!(values.contains("\ntrust,2024,ASEAN,Japan,58.9,"));
        let descriptor = &files.iter().find(|(p, _)| p == DESCRIPTOR).unwrap().1;
        assert!(descriptor.contains("\"path\": \"dataset/notes.csv\""));
        assert!(descriptor
            .contains("\"primaryKey\": [\"question\", \"year\", \"population\", \"option\"]"));
        assert_eq!(json("a \"b\"\n\\"), "\"a \\\"b\\\"\\n\\\\\"");
        // No correction yet: the table is there, with its header only.
        let corrections = &files
            .iter()
            .find(|(p, _)| p == "downloads/dataset/corrections.csv")
            .unwrap()
            .1;
        assert_eq!(corrections, "\u{feff}id,date,charts,values,text\n");
    }

    #[test]
    fn the_package_lists_each_correction() {
        let mut b = crate::test_data();
        b.corrections.push(crate::data::Correction {
            id: "fix".into(),
            date: crate::data::PubDate::parse("2026-11-28").unwrap(),
            charts: vec!["trust-2024".into(), "influence".into()],
            values: vec!["v-trust-2024-trust-2024-asean-japan".into()],
            line: 1,
            text: "Words, \"quoted\".".into(),
        });
        let files = files(&b);
        let csv = &files
            .iter()
            .find(|(p, _)| p == "downloads/dataset/corrections.csv")
            .unwrap()
            .1;
        assert!(csv.ends_with("\nfix,2026-11-28,trust-2024 influence,v-trust-2024-trust-2024-asean-japan,\"Words, \"\"quoted\"\".\"\n"), "{csv}");
        let descriptor = &files.iter().find(|(p, _)| p == DESCRIPTOR).unwrap().1;
        assert!(descriptor.contains("\"path\": \"dataset/corrections.csv\""));
    }
}
