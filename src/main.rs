use clap::Parser;

fn main() {
    let cli = qari::cli::Cli::parse();
    std::process::exit(qari::cli::run(cli));
}
