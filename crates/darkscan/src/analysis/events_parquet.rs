//! Apache Parquet input for the event-file schema of [`super::events`].
//!
//! The columns and their meaning are those of the CSV schema; only the
//! storage differs. Accepted Arrow types (as the `parquet` crate maps the
//! file's physical/logical types):
//!
//! | column | accepted types |
//! |---|---|
//! | `event` | int32, int64 |
//! | `charge` | int32, int64, float32, float64 (value +1 or −1) |
//! | `x_m` … `time_ns`, `kaon_*_gev` | float32, float64 (float32 widened exactly to f64) |
//! | `pid` | UTF-8 string (`Utf8`, `LargeUtf8`) |
//!
//! Unknown columns are ignored and not decoded (a projection reads only the
//! schema's columns). Nulls, non-finite numbers and out-of-domain values are
//! the same [`AnalysisError::BadValue`] errors as in CSV; "row" is the
//! 1-based row of the Parquet file (the first track is row 1, where a CSV
//! file's first track is line 2). A column of a wrong type is a
//! `BadValue` at row 1 whose value is the type found.
//!
//! Rows are decoded in batches of [`BATCH_ROWS`] rows, so memory stays
//! bounded by the batch and the per-event track cap whatever the size of an
//! event. Compression codecs: uncompressed, Snappy and Zstandard (the
//! `parquet` crate's `snap` and `zstd` features); other codecs are read
//! errors naming the codec.

use super::AnalysisError;
use super::events::{KAON, Pid, REQUIRED, Track};
use crate::kinematics::Vec3;
use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use std::fs::File;
use std::path::Path;

/// Rows decoded per batch (bounds the memory of a streamed file).
pub const BATCH_ROWS: usize = 4096;

/// Whether a path names a Parquet file (its name ends in `.parquet`, any case).
#[must_use]
pub fn is_parquet_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

/// What a column must hold.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    Int,
    IntOrFloat,
    Float,
    Str,
}

impl Want {
    fn accepts(self, t: &DataType) -> bool {
        let int = matches!(t, DataType::Int32 | DataType::Int64);
        let float = matches!(t, DataType::Float32 | DataType::Float64);
        match self {
            Self::Int => int,
            Self::IntOrFloat => int || float,
            Self::Float => float,
            Self::Str => matches!(t, DataType::Utf8 | DataType::LargeUtf8),
        }
    }
    fn why(self) -> &'static str {
        match self {
            Self::Int => "wrong column type: expected int32 or int64",
            Self::IntOrFloat => "wrong column type: expected an integer or float column",
            Self::Float => "wrong column type: expected float32 or float64",
            Self::Str => "wrong column type: expected a UTF-8 string column",
        }
    }
}

fn want(column: &str) -> Want {
    match column {
        "event" => Want::Int,
        "charge" => Want::IntOrFloat,
        "pid" => Want::Str,
        _ => Want::Float,
    }
}

/// Tracks streamed from a Parquet file.
pub(crate) struct ParquetTracks {
    name: String,
    reader: ParquetRecordBatchReader,
    /// The current batch's columns: the ten required ones, then the kaon three.
    cols: Vec<ArrayRef>,
    has_kaon: bool,
    /// Index of the next row in the current batch, and the batch's length.
    next: usize,
    len: usize,
    /// Rows of the file before the current batch.
    offset: u64,
}

fn read_error(path: &Path, why: String) -> AnalysisError {
    AnalysisError::Read {
        path: path.to_path_buf(),
        cause: std::io::Error::new(std::io::ErrorKind::InvalidData, why),
    }
}

impl ParquetTracks {
    /// Reads the footer of `file` (at `path`, called `name` in errors) and
    /// checks its schema.
    pub(crate) fn open(file: File, path: &Path, name: &str) -> Result<Self, AnalysisError> {
        let size = file
            .metadata()
            .map_err(|cause| AnalysisError::Read {
                path: path.to_path_buf(),
                cause,
            })?
            .len();
        if size == 0 {
            return Err(AnalysisError::EmptyFile(name.to_string()));
        }
        let builder = ParquetRecordBatchReaderBuilder::try_new(file)
            .map_err(|e| read_error(path, format!("not a readable Parquet file ({e})")))?;
        let schema = builder.schema().clone();
        let header = schema
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .collect::<Vec<_>>()
            .join(",");
        let find = |c: &str| schema.fields().iter().position(|f| f.name() == c);
        let missing = |c: &str| AnalysisError::MissingColumn {
            file: name.to_string(),
            column: c.to_string(),
            header: header.clone(),
        };
        let mut wanted = Vec::with_capacity(13);
        for c in REQUIRED {
            wanted.push(find(c).ok_or_else(|| missing(c))?);
        }
        let kaon: Vec<Option<usize>> = KAON.iter().map(|c| find(c)).collect();
        let has_kaon = if kaon.iter().all(Option::is_some) {
            wanted.extend(kaon.iter().flatten());
            true
        } else if let Some(i) = kaon.iter().position(Option::is_none)
            && kaon.iter().any(Option::is_some)
        {
            return Err(missing(KAON[i]));
        } else {
            false
        };
        let names: Vec<&str> = REQUIRED.iter().chain(KAON.iter()).copied().collect();
        for (&i, c) in wanted.iter().zip(&names) {
            let field = schema.field(i);
            let w = want(c);
            if !w.accepts(field.data_type()) {
                return Err(AnalysisError::BadValue {
                    file: name.to_string(),
                    row: 1,
                    column: (*c).to_string(),
                    value: field.data_type().to_string(),
                    why: w.why(),
                });
            }
        }
        let mask = ProjectionMask::roots(builder.parquet_schema(), wanted.iter().copied());
        let reader = builder
            .with_projection(mask)
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| read_error(path, format!("Parquet error: {e}")))?;
        Ok(Self {
            name: name.to_string(),
            reader,
            cols: Vec::new(),
            has_kaon,
            next: 0,
            len: 0,
            offset: 0,
        })
    }

    /// Whether the file carries the beam-kaon columns.
    pub(crate) fn has_kaon(&self) -> bool {
        self.has_kaon
    }

    fn take_batch(&mut self, batch: &RecordBatch) {
        let names = REQUIRED.iter().chain(KAON.iter().filter(|_| self.has_kaon));
        // The projection keeps exactly these columns; look them up by name
        // (the batch holds them in file order).
        self.cols = names
            .filter_map(|c| batch.column_by_name(c).cloned())
            .collect();
    }

    fn bad(&self, row: u64, column: &str, value: String, why: &'static str) -> AnalysisError {
        AnalysisError::BadValue {
            file: self.name.clone(),
            row,
            column: column.to_string(),
            value,
            why,
        }
    }

    /// The value of an integer or float column at `i`, as f64 (for floats,
    /// checked finite) or as i64 (for integers).
    fn number(&self, k: usize, i: usize, row: u64) -> Result<Num, AnalysisError> {
        let a = &self.cols[k];
        let column = column_name(k);
        if a.is_null(i) {
            return Err(self.bad(row, column, "null".into(), "a null value"));
        }
        let v = match a.data_type() {
            DataType::Int32 => Num::Int(i64::from(a.as_primitive::<Int32Type>().value(i))),
            DataType::Int64 => Num::Int(a.as_primitive::<Int64Type>().value(i)),
            DataType::Float32 => Num::Float(f64::from(a.as_primitive::<Float32Type>().value(i))),
            _ => Num::Float(a.as_primitive::<Float64Type>().value(i)),
        };
        if let Num::Float(x) = v
            && !x.is_finite()
        {
            return Err(self.bad(row, column, format!("{x}"), "not a finite number"));
        }
        Ok(v)
    }

    fn float(&self, k: usize, i: usize, row: u64) -> Result<f64, AnalysisError> {
        Ok(match self.number(k, i, row)? {
            Num::Float(x) => x,
            #[allow(clippy::cast_precision_loss)]
            Num::Int(n) => n as f64,
        })
    }

    /// The next track, or `None` at the end of the file.
    pub(crate) fn next_track(&mut self) -> Result<Option<Track>, AnalysisError> {
        while self.next >= self.len {
            self.offset += self.len as u64;
            match self.reader.next() {
                None => return Ok(None),
                Some(Err(e)) => {
                    return Err(read_error(
                        Path::new(&self.name),
                        format!("Parquet error after row {}: {e}", self.offset),
                    ));
                }
                Some(Ok(batch)) => {
                    self.take_batch(&batch);
                    self.next = 0;
                    self.len = batch.num_rows();
                }
            }
        }
        let i = self.next;
        self.next += 1;
        let row = self.offset + i as u64 + 1;
        let event = match self.number(0, i, row)? {
            Num::Int(n) => n,
            Num::Float(x) => return Err(self.bad(row, "event", format!("{x}"), "not an integer")),
        };
        let charge = match self.number(1, i, row)? {
            Num::Int(1) => 1,
            Num::Int(-1) => -1,
            Num::Float(1.0) => 1,
            Num::Float(-1.0) => -1,
            Num::Int(n) => return Err(self.bad(row, "charge", n.to_string(), "expected +1 or -1")),
            Num::Float(q) => {
                return Err(self.bad(row, "charge", q.to_string(), "expected +1 or -1"));
            }
        };
        let point_m = Vec3::new(
            self.float(2, i, row)?,
            self.float(3, i, row)?,
            self.float(4, i, row)?,
        );
        let momentum = Vec3::new(
            self.float(5, i, row)?,
            self.float(6, i, row)?,
            self.float(7, i, row)?,
        );
        if momentum.norm() == 0.0 {
            return Err(self.bad(
                row,
                "px_gev",
                format!("{}", momentum.x),
                "the momentum vector is zero",
            ));
        }
        let time_ns = self.float(8, i, row)?;
        let p = &self.cols[9];
        if p.is_null(i) {
            return Err(self.bad(row, "pid", "null".into(), "a null value"));
        }
        let pid_text = match p.data_type() {
            DataType::LargeUtf8 => p.as_string::<i64>().value(i),
            _ => p.as_string::<i32>().value(i),
        };
        let pid = Pid::parse(pid_text).ok_or_else(|| {
            self.bad(
                row,
                "pid",
                pid_text.to_string(),
                "expected e, mu, pi or other",
            )
        })?;
        let kaon_momentum = if self.has_kaon {
            Some(Vec3::new(
                self.float(10, i, row)?,
                self.float(11, i, row)?,
                self.float(12, i, row)?,
            ))
        } else {
            None
        };
        Ok(Some(Track {
            event,
            charge,
            point_m,
            momentum,
            time_ns,
            pid,
            kaon_momentum,
            row,
        }))
    }
}

#[derive(Clone, Copy)]
enum Num {
    Int(i64),
    Float(f64),
}

fn column_name(k: usize) -> &'static str {
    if k < REQUIRED.len() {
        REQUIRED[k]
    } else {
        KAON[k - REQUIRED.len()]
    }
}
