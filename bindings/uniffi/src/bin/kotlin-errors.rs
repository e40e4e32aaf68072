//! Writes `HooksealErrors.kt`: the exception class of every code of the core's error
//! table (`hookseal::ErrorCode::ALL`) and the function that picks one, so the JVM
//! package lists no code by hand. `cargo run -p hookseal-uniffi --bin kotlin-errors --
//! FILE` (jvm/build-native.sh runs it beside uniffi's generator).

use hookseal::ErrorCode;
use std::fmt::Write;

fn class_name(code: &str) -> String {
    let mut name: String = code
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    name.push_str("Exception");
    name
}

fn kotlin() -> String {
    let mut out = String::from(
        "// Written by bindings/uniffi/src/bin/kotlin-errors.rs from the core's ErrorCode::ALL.\n\
         // Do not edit: jvm/build-native.sh writes it again.\n\
         @file:JvmName(\"HooksealErrors\")\n\
         package io.hookseal\n\n",
    );
    for code in ErrorCode::ALL {
        let (name, status) = (code.as_str(), code.http_status());
        let why = hookseal::receive::reply(name).map_or("", |r| r.message);
        let _ = writeln!(
            out,
            "/** `{name}` ({status}): {why}. */\n\
             class {cls}(message: String) : HooksealException(\"{name}\", {status}, message)\n",
            cls = class_name(name)
        );
    }
    out.push_str(
        "/** The exception of `code`, one class per code of the core's table. */\n\
         internal fun exceptionFor(code: String, status: Int, message: String): HooksealException =\n    when (code) {\n",
    );
    for code in ErrorCode::ALL {
        let _ = writeln!(
            out,
            "        \"{}\" -> {}(message)",
            code.as_str(),
            class_name(code.as_str())
        );
    }
    out.push_str("        else -> HooksealException(code, status, message)\n    }\n\n");
    out.push_str("/** Every exception class, in the order of the core's table. */\n");
    out.push_str("internal val EXCEPTION_CLASSES: List<Class<out HooksealException>> = listOf(\n");
    for code in ErrorCode::ALL {
        let _ = writeln!(out, "    {}::class.java,", class_name(code.as_str()));
    }
    out.push_str(")\n");
    out
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: kotlin-errors FILE.kt");
        std::process::exit(2);
    };
    if let Err(e) = std::fs::write(&path, kotlin()) {
        eprintln!("kotlin-errors: {path}: {e}");
        std::process::exit(1);
    }
}
