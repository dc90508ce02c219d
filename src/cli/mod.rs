//! The command line: its commands and options, said in Danish (clap's own
//! words are English), and the parse that turns a mistake into a Danish
//! message. `main.rs` runs what is parsed.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use helhed::Config;
use helhed::model::Period;
use helhed::render::guard::{Limits, set_limits};
use std::path::PathBuf;

/// helhed laver statusrapporter og evalueringer for en boligsocial helhedsplan
/// ud fra planens tal i YAML.
#[derive(Parser)]
#[command(name = "helhed", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Læser data/, beregner tallene og skriver rapporterne i out/.
    Build(BuildArgs),
    /// Kontrollerer data og tal uden at skrive noget; med --pdf også Typst-skabelonerne.
    Check(CheckArgs),
    /// Forbereder et nyt halvår: statusfilen, halvårets tal og forbruget, klar til at udfylde.
    ///
    /// Skriver kun filer, der ikke findes; en fil, der findes, ændres aldrig.
    #[command(name = "ny-periode")]
    NyPeriode(NewPeriodArgs),
    /// Indlæser tal fra et regneark (CSV, XLSX, XLS, ODS) eller Statistikbanken (CSV, JSON-stat) i data/.
    ///
    /// Retter kun de tal, arket har; kommentarer, tekster og andre nøgler
    /// bliver stående. Et tal, der er anderledes end det, der står, er en
    /// konflikt og røres kun med --overskriv. Hvert tal får sin kilde (fil,
    /// ark, celle) under kilder:, og en skjult celle («..», «x», «<5», tom)
    /// står under mangler:, aldrig som 0.
    Importer(Box<ImportArgs>),
    /// Forhåndsvisning i browseren, der bygger igen, hver gang du gemmer.
    ///
    /// Bygger statusrapporten, bilaget og hjemmesiden i en midlertidig mappe,
    /// viser dem på http://127.0.0.1:PORT/ (kun på denne maskine) og bygger
    /// igen, når en fil i data eller skabelonerne gemmes. Ctrl-C stopper.
    Serve(ServeArgs),
    /// Rapportskabelonerne.
    #[command(subcommand)]
    Templates(TemplatesCommand),
}

#[derive(Subcommand)]
pub enum TemplatesCommand {
    /// Skriver de indbyggede skabeloner i MAPPE, så de kan redigeres og bruges med --templates.
    Export {
        /// Mappen skabelonerne skrives i; den oprettes om nødvendigt.
        #[arg(value_name = "MAPPE")]
        dir: PathBuf,
        /// Overskriv filer, der allerede findes.
        #[arg(long)]
        overskriv: bool,
        /// Skriv også dokumenternes data (statusrapport.data.json,
        /// helhedsevaluering.data.json og figurer/), så `typst watch
        /// statusrapport.typ --input data=statusrapport.data.json` sætter
        /// dokumentet, som helhed gør.
        #[arg(long = "med-data")]
        med_data: bool,
        /// Mappen med planens tal, når --med-data er givet.
        #[arg(long, value_name = "MAPPE", default_value = "data")]
        data: PathBuf,
        /// Halvåret, når --med-data er givet; standard er det seneste halvår i data.
        #[arg(long, value_name = "ÅÅÅÅ-HN", value_parser = parse_period)]
        periode: Option<Period>,
    },
}

#[derive(Args)]
pub struct NewPeriodArgs {
    /// Halvåret, der skal forberedes, fx 2019-H1.
    #[arg(value_name = "ÅÅÅÅ-HN", value_parser = parse_period)]
    pub periode: Period,
    /// Mappen med planens tal: plan.yaml og én mappe pr. område.
    #[arg(long, value_name = "MAPPE", default_value = "data")]
    pub data: PathBuf,
}

#[derive(Args)]
pub struct ImportArgs {
    /// Regnearket eller filen fra Statistikbanken.
    #[arg(value_name = "FIL")]
    pub fil: PathBuf,
    /// Mappen med planens tal: plan.yaml og én mappe pr. område.
    #[arg(long, value_name = "MAPPE", default_value = "data")]
    pub data: PathBuf,
    /// Læs arket efter opsætningen data/import/NAVN.yaml; tilvalg her går forud for den.
    #[arg(long = "opsætning", value_name = "NAVN")]
    pub opsaetning: Option<String>,
    /// Gem tilvalgene som data/import/NAVN.yaml, så næste import er `--opsætning NAVN`.
    #[arg(long = "gem-opsætning", value_name = "NAVN")]
    pub gem_opsaetning: Option<String>,
    /// lang (én række pr. tal) eller bred (år eller områder som kolonner); standard: findes af arket.
    #[arg(long, value_name = "FORM")]
    pub form: Option<String>,
    /// Arket i en projektmappe; standard er det første.
    #[arg(long, value_name = "NAVN")]
    pub ark: Option<String>,
    /// Målingen (eller indikatoren) for alle tal, når arket ikke har en kolonne for den.
    #[arg(long = "måling", value_name = "ID")]
    pub maaling: Option<String>,
    /// Området for alle tal.
    #[arg(long = "område", value_name = "ID")]
    pub omraade: Option<String>,
    /// Året for alle tal.
    #[arg(long = "år", value_name = "ÅR")]
    pub aar: Option<u16>,
    /// Halvåret (1 eller 2) for alle tal.
    #[arg(long = "halvår", value_name = "1|2")]
    pub halvaar: Option<u8>,
    /// En bred tabel: hvad overskriftsrækken har, år, område eller måling.
    #[arg(long, value_name = "HVAD")]
    pub kolonner: Option<String>,
    /// En bred tabel: overskriftsrækkens nummer (1 er den første).
    #[arg(long = "overskriftsrække", value_name = "N")]
    pub overskriftsraekke: Option<u32>,
    /// En bred tabel: kolonnen med rækkernes navne, fx A.
    #[arg(long, value_name = "KOLONNE")]
    pub navnekolonne: Option<String>,
    /// Kun rækker, hvor kolonnen har teksten, fx --filter "KØN=I alt"; kan gives flere gange.
    #[arg(long, value_name = "KOLONNE=TEKST", value_parser = parse_filter)]
    pub filter: Vec<(String, String)>,
    /// CSV: skilletegnet, ; , | eller tab; standard: findes af filen.
    #[arg(long, value_name = "TEGN")]
    pub skilletegn: Option<String>,
    /// CSV: komma eller punktum; standard: findes af filen.
    #[arg(long, value_name = "TEGN")]
    pub decimaltegn: Option<String>,
    /// En tabel pr. kvartal (Statistikbankens 2018K1): kvartalet, hvis tal er årets (1-4).
    #[arg(long, value_name = "1-4")]
    pub kvartal: Option<u8>,
    /// Gang hvert tal med dette, fx 1000 for tal i tusinder.
    #[arg(long, value_name = "TAL")]
    pub faktor: Option<String>,
    /// Erstat tal, der er anderledes end arkets.
    #[arg(long)]
    pub overskriv: bool,
    /// Vis kun, hvad der ville blive ændret.
    #[arg(long = "tør")]
    pub toer: bool,
}

#[derive(Args)]
pub struct ServeArgs {
    /// Mappen med planens tal: plan.yaml og én mappe pr. område.
    #[arg(long, value_name = "MAPPE", default_value = "data")]
    pub data: PathBuf,
    /// Mappen med rapportskabeloner (standard: report-templates, hvis den findes).
    #[arg(long, value_name = "MAPPE")]
    pub templates: Option<PathBuf>,
    /// Halvåret der rapporteres om, fx 2018-H2; standard er det seneste halvår i data.
    #[arg(long, value_name = "ÅÅÅÅ-HN", value_parser = parse_period)]
    pub periode: Option<Period>,
    /// Porten på 127.0.0.1; 0 vælger en ledig.
    #[arg(long, value_name = "PORT", default_value_t = 8080)]
    pub port: u16,
}

#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub folders: Folders,
    /// Sæt alle PDF'er forfra, også dem hvis data og skabeloner er uændrede
    /// siden sidste bygning.
    #[arg(long)]
    pub fuld: bool,
}

#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub folders: Folders,
    /// Sæt også statusrapporten og bilaget (uden at skrive dem), så fejl i
    /// Typst-skabelonerne findes; det tager lige så lang tid som en bygning.
    #[arg(long)]
    pub pdf: bool,
}

#[derive(Args)]
pub struct Folders {
    /// Mappen med planens tal: plan.yaml og én mappe pr. område.
    #[arg(long, value_name = "MAPPE", default_value = "data")]
    pub data: PathBuf,
    /// Mappen med rapportskabeloner; en fil her erstatter den indbyggede af samme navn
    /// (standard: report-templates, hvis den findes, ellers de indbyggede).
    #[arg(long, value_name = "MAPPE")]
    pub templates: Option<PathBuf>,
    /// Mappen rapporterne skrives i; eksisterende filer bevares, hvis bygningen fejler.
    #[arg(long, value_name = "MAPPE", default_value = "out")]
    pub out: PathBuf,
    /// Halvåret der rapporteres om, fx 2018-H2; standard er det seneste halvår i data.
    #[arg(long, value_name = "ÅÅÅÅ-HN", value_parser = parse_period)]
    pub periode: Option<Period>,
    /// Det længste en skabelon må køre, i sekunder; derefter stoppes den med en fejl.
    #[arg(long = "tidsgrænse", value_name = "SEKUNDER", default_value_t = Limits::DEFAULT.seconds,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub tidsgraense: u64,
    /// Den mest hukommelse helhed må bruge, mens en skabelon kører, i MB.
    #[arg(long, value_name = "MB", default_value_t = Limits::DEFAULT.megabytes,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub hukommelse: u64,
}

pub fn parse_period(s: &str) -> Result<Period, String> {
    s.parse()
}

pub fn parse_filter(s: &str) -> Result<(String, String), String> {
    let (column, text) = s.split_once('=').ok_or("skriv KOLONNE=TEKST, fx --filter \"KØN=I alt\"")?;
    Ok((column.trim().to_string(), text.trim().to_string()))
}

impl From<Folders> for Config {
    fn from(f: Folders) -> Config {
        set_limits(Limits { seconds: f.tidsgraense, megabytes: f.hukommelse });
        Config {
            data: f.data,
            templates_asked: f.templates.is_some(),
            templates: f.templates.unwrap_or_else(|| "report-templates".into()),
            out: f.out,
            period: f.periode,
            reuse: true,
        }
    }
}

/// The command line in Danish: clap's own headings, usage words and help
/// flags are English, so each command gets a Danish help template, Danish
/// headings, its own `-h`/`--help` (and `-V`/`--version` at the top) and a
/// Danish usage line.
pub fn danish(cmd: clap::Command, parent: Option<&str>) -> clap::Command {
    let top = parent.is_none();
    let mut cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .help_template("{about-with-newline}\nBrug: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Kommandoer")
        .subcommand_value_name("KOMMANDO")
        .arg(Arg::new("hjælp").short('h').long("help").action(ArgAction::Help).help("Vis denne hjælp"));
    if top {
        cmd = cmd
            .disable_version_flag(true)
            .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help("Vis helheds version"));
    }
    let mut cmd = cmd.mut_args(|a| {
        let heading = if a.is_positional() { "Argumenter" } else { "Tilvalg" };
        // clap writes a default as `[default: data]`: say it in Danish.
        let defaults: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        let help = match (a.get_help(), defaults.as_slice()) {
            (Some(help), [default]) => Some(format!("{help} (standard: {default})")),
            (Some(help), _) => Some(help.to_string()),
            (None, _) => None,
        };
        let a = a.help_heading(heading);
        let a = if defaults.is_empty() { a } else { a.hide_default_value(true) };
        match help {
            Some(help) => a.help(help),
            None => a,
        }
    });
    let usage = cmd.render_usage().to_string();
    let usage =
        usage.trim_start_matches("Usage: ").replace("[OPTIONS]", "[TILVALG]").replace("<COMMAND>", "<KOMMANDO>");
    let usage = match parent {
        Some(parent) => format!("{parent} {usage}"),
        None => usage,
    };
    cmd = cmd.override_usage(usage);
    let name = match parent {
        Some(parent) => format!("{parent} {}", cmd.get_name()),
        None => cmd.get_name().to_string(),
    };
    cmd.mut_subcommands(|sub| danish(sub, Some(&name)))
}

/// A command-line mistake in Danish, as far as clap tells what it was.
pub fn danish_error(e: &clap::Error) -> String {
    let context = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let suggestion = match e.get(ContextKind::SuggestedSubcommand).or_else(|| e.get(ContextKind::SuggestedArg)) {
        Some(ContextValue::String(s)) => format!("; mente du «{s}»?"),
        Some(ContextValue::Strings(v)) if !v.is_empty() => format!("; mente du «{}»?", v.join("» eller «")),
        _ => String::new(),
    };
    match e.kind() {
        ErrorKind::UnknownArgument => format!("ukendt tilvalg «{}»{suggestion}", context(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => {
            format!("ukendt kommando «{}»{suggestion}", context(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(|s| format!(": {s}")).unwrap_or_default();
            format!(
                "ugyldig værdi «{}» til {}{why}",
                context(ContextKind::InvalidValue),
                context(ContextKind::InvalidArg)
            )
        }
        ErrorKind::MissingRequiredArgument => format!("mangler {}", context(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "vælg en kommando: build, check, importer, ny-periode, serve eller templates".to_string()
        }
        ErrorKind::ArgumentConflict => format!(
            "{} kan ikke bruges sammen med {}",
            context(ContextKind::InvalidArg),
            context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("for mange værdier: {}", context(ContextKind::InvalidValue))
        }
        _ => e.kind().to_string(),
    }
}

/// The command line, parsed: help and version are printed and end the
/// program; a mistake is said in Danish with exit code 2.
pub fn parse() -> Cli {
    let matches = danish(Cli::command(), None).try_get_matches().and_then(|m| Cli::from_arg_matches(&m));
    match matches {
        Ok(cli) => cli,
        Err(e) if e.kind() == ErrorKind::DisplayVersion => {
            println!("helhed {}", env!("CARGO_PKG_VERSION"));
            std::process::exit(0);
        }
        Err(e) if e.kind() == ErrorKind::DisplayHelp => e.exit(),
        Err(e) => {
            eprintln!("fejl: {}", danish_error(&e));
            eprintln!("Se helhed --help.");
            std::process::exit(2);
        }
    }
}
