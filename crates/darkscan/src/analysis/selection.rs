//! Selections: cut expressions over the pair variables, named regions with
//! their expected background, blinding, and groups of regions.
//!
//! Expressions: comparisons (`<`, `<=`, `>`, `>=`, `==`, `!=`, chains such
//! as `6 < z_tax_m < 40`) between numbers and pair variables
//! ([`super::pairs::Var`]; `abs(x)` and unary minus allowed), combined with
//! `&&`, `||`, `!` and parentheses. `&&` binds tighter than `||`.
//!
//! A selection file (TOML):
//!
//! ```toml
//! cuts = "vertex_z_m > 105 && vertex_z_m < 180 && cda_m < 0.01"   # optional
//!
//! [regions.SR]
//! expr = "z_tax_m > 6 && z_tax_m < 40 && cda_tax_m < 0.020"
//! expected = 0.016          # optional: background mean
//! expected_error = 0.002    # optional, default 0
//! blind = true              # optional, default false
//!
//! [groups]
//! "CR1+2+3" = ["CR1", "CR2", "CR3"]   # joint p-values, correlated errors
//! ```

use super::AnalysisError;
use super::pairs::{Pair, Var};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

impl CmpOp {
    fn apply(self, a: f64, b: f64) -> bool {
        match self {
            Self::Lt => a < b,
            Self::Le => a <= b,
            Self::Gt => a > b,
            Self::Ge => a >= b,
            Self::Eq => a == b,
            Self::Ne => a != b,
        }
    }
    fn flip(self) -> Self {
        match self {
            Self::Lt => Self::Gt,
            Self::Le => Self::Ge,
            Self::Gt => Self::Lt,
            Self::Ge => Self::Le,
            o => o,
        }
    }
}

/// A numeric operand.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// A constant.
    Num(f64),
    /// A pair variable.
    Var(Var),
    /// |x|.
    Abs(Box<Operand>),
    /// −x.
    Neg(Box<Operand>),
}

impl Operand {
    fn eval(&self, p: &Pair) -> f64 {
        match self {
            Self::Num(x) => *x,
            Self::Var(v) => p.get(*v),
            Self::Abs(o) => o.eval(p).abs(),
            Self::Neg(o) => -o.eval(p),
        }
    }
}

/// A parsed boolean expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Always true (an empty cut).
    True,
    /// Comparison.
    Cmp(Operand, CmpOp, Operand),
    /// Both.
    And(Box<Expr>, Box<Expr>),
    /// Either.
    Or(Box<Expr>, Box<Expr>),
    /// Negation.
    Not(Box<Expr>),
}

impl Expr {
    /// Parses `text`; `name` labels errors.
    ///
    /// # Errors
    /// [`AnalysisError::Expression`] with the character position at fault.
    pub fn parse(name: &str, text: &str) -> Result<Self, AnalysisError> {
        let mut p = Parser {
            name,
            text,
            chars: text.chars().collect(),
            pos: 0,
            depth: 0,
        };
        p.skip_ws();
        if p.pos == p.chars.len() {
            return Ok(Self::True);
        }
        let e = p.or()?;
        p.skip_ws();
        if p.pos != p.chars.len() {
            return Err(p.err("unexpected text after the expression"));
        }
        Ok(e)
    }

    /// Whether a pair passes.
    #[must_use]
    pub fn eval(&self, p: &Pair) -> bool {
        match self {
            Self::True => true,
            Self::Cmp(a, op, b) => op.apply(a.eval(p), b.eval(p)),
            Self::And(a, b) => a.eval(p) && b.eval(p),
            Self::Or(a, b) => a.eval(p) || b.eval(p),
            Self::Not(a) => !a.eval(p),
        }
    }

    /// An interval [lo, hi] that contains `var` for every pair that passes
    /// (conservative: (−∞, ∞) where the expression does not bound it).
    #[must_use]
    pub fn bounds(&self, var: Var) -> (f64, f64) {
        const ALL: (f64, f64) = (f64::NEG_INFINITY, f64::INFINITY);
        match self {
            Self::True | Self::Not(_) => ALL,
            Self::And(a, b) => {
                let (x, y) = (a.bounds(var), b.bounds(var));
                (x.0.max(y.0), x.1.min(y.1))
            }
            Self::Or(a, b) => {
                let (x, y) = (a.bounds(var), b.bounds(var));
                (x.0.min(y.0), x.1.max(y.1))
            }
            Self::Cmp(a, op, b) => {
                let (op, c, abs) = match (a, b) {
                    (Operand::Var(v), Operand::Num(c)) if *v == var => (*op, *c, false),
                    (Operand::Num(c), Operand::Var(v)) if *v == var => (op.flip(), *c, false),
                    (Operand::Abs(o), Operand::Num(c)) if **o == Operand::Var(var) => {
                        (*op, *c, true)
                    }
                    (Operand::Num(c), Operand::Abs(o)) if **o == Operand::Var(var) => {
                        (op.flip(), *c, true)
                    }
                    _ => return ALL,
                };
                match (op, abs) {
                    (CmpOp::Lt | CmpOp::Le, false) => (f64::NEG_INFINITY, c),
                    (CmpOp::Gt | CmpOp::Ge, false) => (c, f64::INFINITY),
                    (CmpOp::Eq, false) => (c, c),
                    (CmpOp::Lt | CmpOp::Le, true) => (-c, c),
                    (CmpOp::Eq, true) => (-c.abs(), c.abs()),
                    _ => ALL,
                }
            }
        }
    }
}

struct Parser<'a> {
    name: &'a str,
    text: &'a str,
    chars: Vec<char>,
    pos: usize,
    depth: usize,
}

/// Deepest nesting of parentheses accepted (keeps recursion bounded).
const MAX_DEPTH: usize = 64;

impl Parser<'_> {
    fn err(&self, why: &str) -> AnalysisError {
        AnalysisError::Expression {
            name: self.name.to_string(),
            expr: self.text.to_string(),
            pos: self.pos,
            why: why.to_string(),
        }
    }
    fn skip_ws(&mut self) {
        while self.pos < self.chars.len() && self.chars[self.pos].is_whitespace() {
            self.pos += 1;
        }
    }
    fn eat(&mut self, s: &str) -> bool {
        self.skip_ws();
        let n = s.chars().count();
        if self.pos + n <= self.chars.len()
            && self.chars[self.pos..self.pos + n]
                .iter()
                .copied()
                .eq(s.chars())
        {
            self.pos += n;
            true
        } else {
            false
        }
    }
    fn nest(&mut self) -> Result<(), AnalysisError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("expression nested too deeply"));
        }
        Ok(())
    }
    fn or(&mut self) -> Result<Expr, AnalysisError> {
        let mut e = self.and()?;
        while self.eat("||") {
            let r = self.and()?;
            e = Expr::Or(Box::new(e), Box::new(r));
        }
        Ok(e)
    }
    fn and(&mut self) -> Result<Expr, AnalysisError> {
        let mut e = self.unary()?;
        while self.eat("&&") {
            let r = self.unary()?;
            e = Expr::And(Box::new(e), Box::new(r));
        }
        Ok(e)
    }
    fn unary(&mut self) -> Result<Expr, AnalysisError> {
        self.skip_ws();
        if self.peek() == Some('!') && self.chars.get(self.pos + 1) != Some(&'=') {
            self.pos += 1;
            self.nest()?;
            let e = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(e)));
        }
        if self.eat("(") {
            self.nest()?;
            let e = self.or()?;
            self.depth -= 1;
            if !self.eat(")") {
                return Err(self.err("expected ')'"));
            }
            return Ok(e);
        }
        self.comparison()
    }
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn cmp_op(&mut self) -> Option<CmpOp> {
        for (s, op) in [
            ("<=", CmpOp::Le),
            (">=", CmpOp::Ge),
            ("==", CmpOp::Eq),
            ("!=", CmpOp::Ne),
            ("<", CmpOp::Lt),
            (">", CmpOp::Gt),
        ] {
            if self.eat(s) {
                return Some(op);
            }
        }
        None
    }
    fn comparison(&mut self) -> Result<Expr, AnalysisError> {
        let first = self.operand()?;
        let Some(op) = self.cmp_op() else {
            return Err(self.err("expected a comparison (<, <=, >, >=, ==, !=)"));
        };
        let second = self.operand()?;
        let mut e = Expr::Cmp(first, op, second.clone());
        let mut last = second;
        while let Some(op) = self.cmp_op() {
            let next = self.operand()?;
            let c = Expr::Cmp(last, op, next.clone());
            e = Expr::And(Box::new(e), Box::new(c));
            last = next;
        }
        Ok(e)
    }
    fn operand(&mut self) -> Result<Operand, AnalysisError> {
        self.skip_ws();
        if self.eat("-") {
            self.nest()?;
            let o = self.operand()?;
            self.depth -= 1;
            return Ok(Operand::Neg(Box::new(o)));
        }
        let start = self.pos;
        match self.peek() {
            Some(c) if c.is_ascii_digit() || c == '.' || c == '+' => {
                self.pos += 1;
                while let Some(c) = self.peek() {
                    let prev = self.chars[self.pos - 1];
                    if c.is_ascii_alphanumeric()
                        || c == '.'
                        || ((c == '-' || c == '+') && (prev == 'e' || prev == 'E'))
                    {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                let t: String = self.chars[start..self.pos].iter().collect();
                match t.parse::<f64>() {
                    Ok(x) if x.is_finite() => Ok(Operand::Num(x)),
                    _ => {
                        self.pos = start;
                        Err(self.err(&format!("'{t}' is not a finite number")))
                    }
                }
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                while let Some(c) = self.peek() {
                    if c.is_ascii_alphanumeric() || c == '_' {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                let t: String = self.chars[start..self.pos].iter().collect();
                if t == "abs" {
                    if !self.eat("(") {
                        return Err(self.err("expected '(' after abs"));
                    }
                    self.nest()?;
                    let o = self.operand()?;
                    self.depth -= 1;
                    if !self.eat(")") {
                        return Err(self.err("expected ')' to close abs("));
                    }
                    return Ok(Operand::Abs(Box::new(o)));
                }
                Var::from_name(&t).map(Operand::Var).ok_or_else(|| {
                    self.pos = start;
                    let names: Vec<&str> = Var::ALL.iter().map(|(_, n)| *n).collect();
                    self.err(&format!(
                        "unknown variable '{t}' (known: {})",
                        names.join(", ")
                    ))
                })
            }
            _ => Err(self.err("expected a number or a variable")),
        }
    }
}

/// One region of a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Its name.
    pub name: String,
    /// The region's expression (applied after the common cuts).
    pub expr: Expr,
    /// Expected background mean, when known.
    pub expected: Option<f64>,
    /// Its Gaussian error (0 when not given).
    pub expected_error: f64,
    /// Whether the region is blind (no count without unblinding).
    pub blind: bool,
}

/// A parsed selection file.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// Cuts every pair must pass.
    pub cuts: Expr,
    /// The regions, sorted by name.
    pub regions: Vec<Region>,
    /// Groups of regions (name → member names) for joint p-values.
    pub groups: Vec<(String, Vec<String>)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    expr: String,
    expected: Option<f64>,
    expected_error: Option<f64>,
    #[serde(default)]
    blind: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSelection {
    #[serde(default)]
    cuts: String,
    #[serde(default)]
    regions: BTreeMap<String, RawRegion>,
    #[serde(default)]
    groups: BTreeMap<String, Vec<String>>,
}

impl Selection {
    /// Parses a selection TOML text.
    ///
    /// # Errors
    /// [`AnalysisError::Selection`] for invalid TOML, unknown keys, negative
    /// backgrounds, no regions or unknown group members;
    /// [`AnalysisError::Expression`] for a bad expression.
    pub fn from_toml(text: &str) -> Result<Self, AnalysisError> {
        let raw: RawSelection = toml::from_str(text)
            .map_err(|e| AnalysisError::Selection(e.to_string().trim().replace('\n', " ")))?;
        let cuts = Expr::parse("cuts", &raw.cuts)?;
        if raw.regions.is_empty() {
            return Err(AnalysisError::Selection(
                "no [regions.NAME] tables: at least one region is needed".into(),
            ));
        }
        let mut regions = Vec::new();
        for (name, r) in raw.regions {
            let bad = |what: &str, v: f64| {
                AnalysisError::Selection(format!(
                    "region '{name}': {what} must be a finite non-negative number, got {v}"
                ))
            };
            if let Some(b) = r.expected.filter(|b| !(b.is_finite() && *b >= 0.0)) {
                return Err(bad("expected", b));
            }
            let d = r.expected_error.unwrap_or(0.0);
            if !(d.is_finite() && d >= 0.0) {
                return Err(bad("expected_error", d));
            }
            regions.push(Region {
                expr: Expr::parse(&name, &r.expr)?,
                name,
                expected: r.expected,
                expected_error: d,
                blind: r.blind,
            });
        }
        let mut groups = Vec::new();
        for (name, members) in raw.groups {
            if members.len() < 2 {
                return Err(AnalysisError::Selection(format!(
                    "group '{name}' needs at least two regions"
                )));
            }
            for m in &members {
                if !regions.iter().any(|r| &r.name == m) {
                    return Err(AnalysisError::Selection(format!(
                        "group '{name}' names unknown region '{m}'"
                    )));
                }
            }
            if regions.iter().any(|r| r.name == name) {
                return Err(AnalysisError::Selection(format!(
                    "group '{name}' has the name of a region"
                )));
            }
            groups.push((name, members));
        }
        Ok(Self {
            cuts,
            regions,
            groups,
        })
    }

    /// Reads and parses a selection file.
    ///
    /// # Errors
    /// As [`Selection::from_toml`], and [`AnalysisError::Read`].
    pub fn from_file(path: &std::path::Path) -> Result<Self, AnalysisError> {
        let text = std::fs::read_to_string(path).map_err(|cause| AnalysisError::Read {
            path: path.to_path_buf(),
            cause,
        })?;
        Self::from_toml(&text)
    }

    /// The indices of the regions a pair falls in (after the cuts).
    pub fn regions_of<'a>(&'a self, p: &'a Pair) -> impl Iterator<Item = usize> + 'a {
        let pass = self.cuts.eval(p);
        self.regions
            .iter()
            .enumerate()
            .filter(move |(_, r)| pass && r.expr.eval(p))
            .map(|(i, _)| i)
    }

    /// An interval containing `var` for every pair that passes the cuts and
    /// at least one region.
    #[must_use]
    pub fn bounds(&self, var: Var) -> (f64, f64) {
        let cut = self.cuts.bounds(var);
        let mut any = (f64::INFINITY, f64::NEG_INFINITY);
        for r in &self.regions {
            let b = r.expr.bounds(var);
            any = (any.0.min(b.0), any.1.max(b.1));
        }
        (cut.0.max(any.0), cut.1.min(any.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(z: f64, cda: f64, dt: f64) -> Pair {
        Pair {
            event: 0,
            vertex_m: [0.0, 0.0, 150.0],
            cda_m: 0.001,
            mass_gev: 0.4,
            dt_ns: dt,
            cda_tax_m: cda,
            z_tax_m: z,
            p_gev: 100.0,
            p_pos_gev: 50.0,
            p_neg_gev: 50.0,
        }
    }

    #[test]
    fn parses_and_evaluates() {
        let e = Expr::parse("SR", "z_tax_m > 6 && z_tax_m < 40 && cda_tax_m < 0.020").unwrap();
        assert!(e.eval(&pair(35.3, 0.017, 0.0)));
        assert!(!e.eval(&pair(45.0, 0.017, 0.0)));
        let e = Expr::parse(
            "x",
            "(6 < z_tax_m < 40 || cda_tax_m >= 1e-1) && abs(dt_ns) <= 2.5",
        )
        .unwrap();
        assert!(e.eval(&pair(10.0, 0.5, -2.0)));
        assert!(!e.eval(&pair(10.0, 0.5, -3.0)));
        assert!(e.eval(&pair(50.0, 0.2, 1.0)));
        assert!(!e.eval(&pair(50.0, 0.05, 1.0)));
        let e = Expr::parse("x", "!(cda_tax_m < 0.02) || -dt_ns > 1").unwrap();
        assert!(e.eval(&pair(0.0, 0.03, 0.0)));
        assert!(e.eval(&pair(0.0, 0.01, -2.0)));
        assert!(!e.eval(&pair(0.0, 0.01, 0.0)));
        assert_eq!(Expr::parse("x", "  ").unwrap(), Expr::True);
    }

    #[test]
    fn bounds_are_conservative() {
        let e = Expr::parse("x", "(cda_m < 0.01 && vertex_z_m > 105) || (cda_m < 0.02 && vertex_z_m < 180 && vertex_z_m > 110)").unwrap();
        assert_eq!(e.bounds(Var::Cda), (f64::NEG_INFINITY, 0.02));
        assert_eq!(e.bounds(Var::VertexZ), (105.0, f64::INFINITY));
        let e = Expr::parse("x", "abs(dt_ns) < 5 && !(cda_m > 1)").unwrap();
        assert_eq!(e.bounds(Var::Dt), (-5.0, 5.0));
        assert_eq!(e.bounds(Var::Cda), (f64::NEG_INFINITY, f64::INFINITY));
    }

    #[test]
    fn errors_say_where() {
        for (text, needle) in [
            ("z_tax > 3", "unknown variable 'z_tax'"),
            ("z_tax_m >", "expected a number"),
            ("(z_tax_m > 3", "expected ')'"),
            ("z_tax_m > 3 3", "unexpected text"),
            ("z_tax_m", "expected a comparison"),
            ("z_tax_m > 1e999", "not a finite number"),
        ] {
            let e = Expr::parse("r", text).unwrap_err().to_string();
            assert!(e.contains(needle), "{text}: {e}");
        }
        let deep = format!("{}z_tax_m > 1{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(
            Expr::parse("r", &deep)
                .unwrap_err()
                .to_string()
                .contains("deeply")
        );
    }

    #[test]
    fn selection_file() {
        let s = Selection::from_toml(
            r#"
cuts = "cda_m < 0.01"
[regions.SR]
expr = "z_tax_m > 6 && z_tax_m < 40 && cda_tax_m < 0.02"
expected = 0.016
expected_error = 0.002
blind = true
[regions.CR]
expr = "cda_tax_m > 0.02"
[groups]
"both" = ["SR", "CR"]
"#,
        )
        .unwrap();
        assert_eq!(s.regions.len(), 2);
        assert_eq!(s.regions_of(&pair(35.0, 0.017, 0.0)).count(), 1);
        assert_eq!(s.bounds(Var::Cda).1, 0.01);
        for (text, needle) in [
            ("[regions.A]\nexpr = \"cda_m < 1\"\nexpectd = 1", "expectd"),
            (
                "[regions.A]\nexpr = \"cda_m < 1\"\nexpected = -1",
                "non-negative",
            ),
            ("cuts = \"cda_m < 1\"", "at least one region"),
            (
                "[regions.A]\nexpr = \"cda_m < 1\"\n[groups]\nG = [\"A\", \"B\"]",
                "unknown region 'B'",
            ),
        ] {
            let e = Selection::from_toml(text).unwrap_err().to_string();
            assert!(e.contains(needle), "{e}");
        }
    }
}
