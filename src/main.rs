fn main() {
    qari::text::guard::install_hook();
    std::process::exit(qari::cli::entry::main_with(std::env::args_os()));
}
