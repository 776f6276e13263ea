//! The missing-energy reach (NA64e-like presets): the shower MC's track
//! lengths, bremsstrahlung and resonant-annihilation yields per mass, and the
//! generic grid runner [`crate::reach::scan_grid_resumable`].

use crate::experiment::missing_energy::MissingEnergySetup;
use crate::experiment::preset::Preset;
use crate::model::dark_photon::DarkPhoton;
use crate::reach::{
    Plane, ReachError, ReachOptions, ReachResult, SignalFn, exposure_unit_of, limits_and_grid,
    open_resume_for, result_meta, scan_grid_resumable, scan_masses, signal_upper_limit,
};

/// Missing-energy dark photon reach (NA64e-like presets).
///
/// `progress` is called with the number of finished masses.
pub fn run_missing_energy(
    preset_label: &str,
    preset: &Preset,
    opts: &ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ReachResult, ReachError> {
    if preset.model.b_minus_l().is_some() {
        return crate::experiment::missing_energy_b_minus_l::run_missing_energy_b_minus_l(
            preset_label,
            preset,
            opts,
            progress,
        );
    }
    if let Some(boson) = preset.model.electron_boson() {
        return crate::experiment::missing_energy_boson::run_missing_energy_boson(
            preset_label,
            preset,
            boson,
            opts,
            progress,
        );
    }
    let beam = preset.beam.energy_gev;
    let exposure = opts.exposure.unwrap_or(preset.exposure.particles_on_target);
    if !(exposure.is_finite() && exposure > 0.0) {
        return Err(ReachError::InvalidExposure(exposure));
    }
    let alpha_d = opts.alpha_d.unwrap_or(preset.model.alpha_d);
    if !(alpha_d.is_finite() && alpha_d > 0.0) {
        return Err(ReachError::InvalidOption {
            key: "alpha_d",
            value: alpha_d,
            reason: "must be positive",
        });
    }
    let ratio = opts.mass_ratio.unwrap_or(preset.model.mass_ratio);
    if !(ratio.is_finite() && ratio > 2.0) {
        return Err(ReachError::InvalidOption {
            key: "mass_ratio",
            value: ratio,
            reason: "m_A'/m_chi must exceed 2 for the invisible decay",
        });
    }
    if !preset.statistics.observed_masses_gev.is_empty() {
        return Err(ReachError::Preset(
            "statistics.observed_masses_gev: a missing-energy search reconstructs no mass; \
             give the total count in statistics.observed only"
                .into(),
        ));
    }
    let n_ul = signal_upper_limit(&preset.statistics, opts)?;
    let masses = scan_masses(&preset.scan, opts);
    check_brem_masses(&masses, beam)?;
    let setup = setup_of(preset)?;
    let resolution = preset.selection.ecal_resolution();
    let annihilation = preset.model.annihilation;
    let e_low = resolution.lowest_relevant_energy(beam, setup.ecal_energy_max, 5.0);
    // With a preshower requirement the annihilation uses its own positron
    // track lengths (the primary's before the requirement is met removed).
    let (tracks, ann_tracks) = match (annihilation, preset.selection.preshower()) {
        (true, Some(ps)) => {
            let (t, a) = setup.track_lengths_with_preshower(e_low, ps);
            (t, Some(a))
        }
        (true, None) => (setup.track_lengths_down_to(e_low), None),
        (false, _) => (setup.track_lengths(), None),
    };
    let ann_tracks = ann_tracks.as_ref().unwrap_or(&tracks);
    let couplings = preset.scan.couplings();
    let n_ul_by_mass = vec![n_ul; masses.len()];
    let cache = open_resume_for(opts, "missing-energy", preset)?;
    let rows = scan_grid_resumable(
        &masses,
        &couplings,
        &n_ul_by_mass,
        |_, m| {
            let y1 = setup.yield_per_eot(&tracks, m);
            let y_ann = if annihilation {
                setup.annihilation_yield_per_eot(ann_tracks, m, alpha_d, m / ratio, resolution)
            } else {
                0.0
            };
            let norm = exposure * preset.selection.signal_efficiency.at(m);
            Ok(SignalFn(move |eps: f64| {
                let br_inv = DarkPhoton::new(m, eps)
                    .and_then(|a| a.with_dark_sector(alpha_d, m / ratio))
                    .map_or(0.0, |a| a.branching_ratios().invisible);
                norm * eps * eps * (y1 * br_inv + y_ann)
            }))
        },
        progress,
        cache.as_ref(),
    )?;
    // The y plane: y = ε² α_D (m_χ/m_A′)⁴ versus m_χ = m_A′/R.
    let to_plane = |eps: f64| match opts.plane {
        Plane::Epsilon => eps,
        Plane::Y => eps * eps * alpha_d / ratio.powi(4),
    };
    let mass_axis = |m: f64| match opts.plane {
        Plane::Epsilon => m,
        Plane::Y => m / ratio,
    };
    let (limits, grid) = limits_and_grid(&masses, &couplings, rows, mass_axis, to_plane);
    Ok(ReachResult {
        preset: preset_label.to_string(),
        model: preset.model.name.clone(),
        plane: opts.plane,
        exposure,
        signal_upper_limit: n_ul,
        limits,
        grid,
        channels: Vec::new(),
        meta: result_meta(
            opts.plane,
            ("epsilon", "epsilon"),
            "m_A'",
            exposure_unit_of(&preset.beam.particle),
            &preset.statistics,
            opts,
        ),
    })
}

/// What a missing-energy scan without a dark sector reports (B−L Z′,
/// electron-coupled S, P, V, A): its labels and checked inputs, for
/// [`run_g_squared_scan`].
pub(crate) struct GSquaredScan<'a> {
    /// The preset's label in the result.
    pub preset_label: &'a str,
    /// The preset.
    pub preset: &'a Preset,
    /// The run options.
    pub opts: &'a ReachOptions,
    /// Particles on target.
    pub exposure: f64,
    /// The signal upper limit (same at every mass).
    pub n_ul: f64,
    /// The masses (GeV), checked.
    pub masses: Vec<f64>,
    /// The resume-cache key of the model.
    pub cache_key: String,
    /// The coupling's name and label (e.g. `g_X`).
    pub coupling: (&'static str, &'static str),
    /// The mass symbol (e.g. `m_X`).
    pub mass_symbol: &'static str,
}

impl<'a> GSquaredScan<'a> {
    /// Checks what such a scan shares: no dark-sector options (`why` opens the
    /// error, e.g. "b-minus-l has no dark sector"), a positive exposure, no
    /// per-mass observed counts, masses the electron bremsstrahlung covers.
    pub(crate) fn new(
        preset_label: &'a str,
        preset: &'a Preset,
        opts: &'a ReachOptions,
        why: &str,
        labels: (String, (&'static str, &'static str), &'static str),
    ) -> Result<Self, ReachError> {
        if opts.plane != Plane::Epsilon || opts.alpha_d.is_some() || opts.mass_ratio.is_some() {
            return Err(ReachError::Preset(format!(
                "{why}: --plane y, --alpha-d and --mass-ratio do not apply"
            )));
        }
        let exposure = opts.exposure.unwrap_or(preset.exposure.particles_on_target);
        if !(exposure.is_finite() && exposure > 0.0) {
            return Err(ReachError::InvalidExposure(exposure));
        }
        if !preset.statistics.observed_masses_gev.is_empty() {
            return Err(ReachError::Preset(
                "statistics.observed_masses_gev: a missing-energy search reconstructs no mass"
                    .into(),
            ));
        }
        let n_ul = signal_upper_limit(&preset.statistics, opts)?;
        let masses = scan_masses(&preset.scan, opts);
        check_brem_masses(&masses, preset.beam.energy_gev)?;
        let (cache_key, coupling, mass_symbol) = labels;
        Ok(Self {
            preset_label,
            preset,
            opts,
            exposure,
            n_ul,
            masses,
            cache_key,
            coupling,
            mass_symbol,
        })
    }
}

/// The scan shared by the missing-energy runners whose signal is
/// N_sig(m, g) = `per_g2(m)` · g² (every width ∝ g², so the branching ratio
/// and the yield are per-mass numbers): the grid, the limits on the g axis,
/// and the result with its metadata.
pub(crate) fn run_g_squared_scan(
    scan: &GSquaredScan<'_>,
    per_g2: impl Fn(f64) -> Result<f64, ReachError> + Sync,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ReachResult, ReachError> {
    let preset = scan.preset;
    let couplings = preset.scan.couplings();
    let n_ul_by_mass = vec![scan.n_ul; scan.masses.len()];
    let cache = open_resume_for(scan.opts, &scan.cache_key, preset)?;
    let rows = scan_grid_resumable(
        &scan.masses,
        &couplings,
        &n_ul_by_mass,
        |_, m| {
            let k = per_g2(m)?;
            Ok(SignalFn(move |g: f64| k * g * g))
        },
        progress,
        cache.as_ref(),
    )?;
    let (limits, grid) = limits_and_grid(&scan.masses, &couplings, rows, |m| m, |g| g);
    Ok(ReachResult {
        preset: scan.preset_label.to_string(),
        model: preset.model.name.clone(),
        plane: Plane::Epsilon,
        exposure: scan.exposure,
        signal_upper_limit: scan.n_ul,
        limits,
        grid,
        channels: Vec::new(),
        meta: result_meta(
            Plane::Epsilon,
            scan.coupling,
            scan.mass_symbol,
            exposure_unit_of(&preset.beam.particle),
            &preset.statistics,
            scan.opts,
        ),
    })
}

/// Every mass positive, below the beam energy and not below the validity of
/// the electron bremsstrahlung cross sections
/// ([`crate::production::electron_brem_light::LIGHT_MIN_MASS`], 1 keV).
pub(crate) fn check_brem_masses(masses: &[f64], beam: f64) -> Result<(), ReachError> {
    use crate::production::electron_brem_light::LIGHT_MIN_MASS;
    for &m in masses {
        if !(m.is_finite() && m > 0.0 && m < beam) {
            return Err(ReachError::InvalidMass { mass: m, beam });
        }
        if m < LIGHT_MIN_MASS {
            return Err(ReachError::BremMassBelowRange(m, LIGHT_MIN_MASS));
        }
    }
    Ok(())
}

/// The shower and target of a missing-energy preset (beam, ECAL cut,
/// material and depth, brem cross section, shower sampling).
pub fn setup_of(preset: &Preset) -> Result<MissingEnergySetup, ReachError> {
    Ok(MissingEnergySetup {
        beam_energy: preset.beam.energy_gev,
        ecal_energy_max: preset.selection.ecal_energy_max_gev,
        material: preset
            .material()
            .ok_or_else(|| ReachError::Preset("unknown material".into()))?,
        thickness_x0: preset.target.thickness_x0,
        positron_beam: preset.beam.particle == "e+",
        method: preset.brem_method().map_err(ReachError::Preset)?,
        shower_events: preset.shower.events,
        seed: preset.shower.seed,
    })
}
