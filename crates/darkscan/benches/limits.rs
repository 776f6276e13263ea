//! Speed of the upper-limit constructions with a background uncertainty
//! (δ > 0): the reach scans call them once per preset, and per grid point when
//! the background varies with the hypothesis.
//!
//! Run: `cargo bench -p darkscan --bench limits`.

use criterion::{Criterion, criterion_group, criterion_main};
use darkscan::stats::{LimitMethod, pvalues, pvalues_correlated, upper_limit};
use std::hint::black_box;

fn limits(c: &mut Criterion) {
    let mut g = c.benchmark_group("upper_limit");
    // NA64 2016–2022: n = 0 on 0.53 ± 0.17; a typical small excess: n = 3 on 1.2 ± 0.4.
    for &(n, b, d) in &[(0u64, 0.53, 0.17), (1, 0.51, 0.13), (3, 1.2, 0.4)] {
        for m in [
            LimitMethod::Cls,
            LimitMethod::FeldmanCousins,
            LimitMethod::Classical,
        ] {
            g.bench_function(format!("{m}/n={n},b={b}±{d}"), |bch| {
                bch.iter(|| upper_limit(m, black_box(n), black_box(b), black_box(d), 0.9).unwrap())
            });
        }
    }
    g.finish();
    let mut g = c.benchmark_group("pvalue");
    g.bench_function("single/28 on 26.3±3.4", |bch| {
        bch.iter(|| pvalues(black_box(28), 26.3, 3.4).unwrap())
    });
    g.bench_function("joint/(1,1,2)", |bch| {
        bch.iter(|| {
            pvalues_correlated(
                black_box(&[1, 1, 2]),
                &[0.29, 0.58, 1.70],
                &[0.04, 0.07, 0.22],
            )
            .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, limits);
criterion_main!(benches);
