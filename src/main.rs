use clap::Parser;

fn main() {
    qari::text::guard::install_hook();
    let cli = qari::cli::Cli::parse();
    std::process::exit(qari::cli::run(cli));
}
