"""`qemu_test` and `kernel_test`: boot a kernel ISO in QEMU as a Bazel test.

    kernel_test(
        name = "basic_boot",
        srcs = ["basic_boot.cc"],          # defines kernel::Main
        deps = [...],
        expect_lines = ["basic_boot: ok"],
    )

builds the kernel image and its ISO (see //boot:kernel_image.bzl) and a test that boots
it with tools/qemu/run_qemu_test.py. The runner has its own timeout (`qemu_timeout`,
seconds), keeps the serial log in the test's undeclared outputs (bazel-testlogs/.../
test.outputs/outputs.zip, as serial.log) and explains a failing status.

`memory` and `cpu` choose the machine (`memory = "8G", cpu = "max"`); `check_wx_at`
lists serial markers at which the runner dumps the page tables through QMP and fails the
test if any page is both writable and executable, or if a frame mapped executable is
writable through another page. `chaos_after` and the other `chaos_*`
attributes send a key flood, garbage on COM1 and NMIs at once (tools/qemu/chaos.py);
`same_lines` requires lines to repeat unchanged (docs/testing.md).
"""

load("//boot:kernel_image.bzl", "kernel_image")

# What the kernel's UBSan runtime and stack protector print (docs/hardening.md). Every
# QEMU test fails on them unless it plants the bug on purpose (sanitizer_reports_expected).
_SANITIZER_REPORTS = ["undefined behaviour:", "stack smashing detected"]

def _qemu_test_impl(ctx):
    args = ["--iso", ctx.file.iso.short_path, "--timeout", str(ctx.attr.qemu_timeout)]
    args += ["--memory", ctx.attr.memory]
    if ctx.attr.cpu:
        args += ["--cpu", ctx.attr.cpu]
    for marker in ctx.attr.check_wx_at:
        args += ["--check-wx-at", marker]
    args += ["--expect-status", str(ctx.attr.expect_status)]
    for line in ctx.attr.expect_lines:
        args += ["--expect-line", line]
    forbid = ctx.attr.forbid_lines
    if not ctx.attr.sanitizer_reports_expected:
        forbid = forbid + _SANITIZER_REPORTS
    for line in forbid:
        args += ["--forbid-line", line]
    for row, text in ctx.attr.vga_rows.items():
        args += ["--vga-row", "%s:%s" % (row, text)]
    if ctx.attr.vga_cursor:
        args += ["--vga-cursor", ctx.attr.vga_cursor]
    if ctx.attr.vga_cursor_shape:
        args += ["--vga-cursor-shape", ctx.attr.vga_cursor_shape]
    if ctx.attr.check_at:
        args += ["--check-at", ctx.attr.check_at]
    for item in ctx.attr.send_keys_after:
        args += ["--send-keys-after", item]
    for item in ctx.attr.serial_input_after:
        args += ["--serial-input-after", item]
    if ctx.attr.chaos_after:
        args += ["--chaos-after", ctx.attr.chaos_after, "--chaos-seed", str(ctx.attr.chaos_seed)]
        args += ["--chaos-keys", str(ctx.attr.chaos_keys)]
        args += ["--chaos-serial-bytes", str(ctx.attr.chaos_serial_bytes)]
        args += ["--chaos-nmis", str(ctx.attr.chaos_nmis)]
    if ctx.attr.chaos_nmi_counter:
        args += ["--chaos-nmi-counter", ctx.attr.chaos_nmi_counter]
    if ctx.attr.chaos_end_marker:
        args += ["--chaos-end-marker", ctx.attr.chaos_end_marker]
    if ctx.attr.after_chaos_keys:
        args += ["--after-chaos-keys", ctx.attr.after_chaos_keys]
    if ctx.attr.after_chaos_serial:
        args += ["--after-chaos-serial", ctx.attr.after_chaos_serial]
    for pattern in ctx.attr.same_lines:
        args += ["--same-lines", pattern]
    for a in ctx.attr.qemu_args:
        args.append("--qemu-arg=" + a)
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(
        output = script,
        is_executable = True,
        content = "#!/bin/sh\nexec python3 %s %s \"$@\"\n" % (
            _shell_quote(ctx.executable._runner.short_path),
            " ".join([_shell_quote(a) for a in args]),
        ),
    )
    runfiles = ctx.runfiles(files = [ctx.file.iso, ctx.executable._runner, ctx.file._chaos])
    return [DefaultInfo(executable = script, runfiles = runfiles)]

def _shell_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"

qemu_test = rule(
    implementation = _qemu_test_impl,
    test = True,
    doc = "Boots `iso` in QEMU (TCG) and checks the run; see run_qemu_test.py --help.",
    attrs = {
        "iso": attr.label(mandatory = True, allow_single_file = [".iso"]),
        "qemu_timeout": attr.int(default = 30, doc = "Seconds before a hung kernel fails."),
        "memory": attr.string(default = "128M", doc = "Guest RAM, as QEMU's -m takes it (\"8G\")."),
        "cpu": attr.string(doc = "QEMU CPU model (-cpu), e.g. \"max\"; QEMU's default if empty."),
        "check_wx_at": attr.string_list(
            doc = "Serial markers at which the page tables must hold no writable, executable page and no writable alias of an executable frame.",
        ),
        "expect_status": attr.int(default = 33, doc = "33 = success via isa-debug-exit 0x10."),
        "expect_lines": attr.string_list(doc = "Serial lines that must appear, in order."),
        "forbid_lines": attr.string_list(doc = "Text no serial line may contain."),
        "sanitizer_reports_expected": attr.bool(
            doc = "Allow UBSan and stack-protector reports (otherwise forbidden) in the serial log.",
        ),
        "vga_rows": attr.string_dict(doc = "VGA row number -> text the row must start with."),
        "vga_cursor": attr.string(doc = "ROW:COL where the hardware cursor must be (read at check_at)."),
        "vga_cursor_shape": attr.string(doc = "TOP:BOTTOM scan lines the cursor must span."),
        "check_at": attr.string(doc = "Serial text after which the VGA checks run and QEMU is stopped."),
        "send_keys_after": attr.string_list(doc = "MARKER=KEYS: QMP send-key after MARKER."),
        "serial_input_after": attr.string_list(
            doc = "MARKER=TEXT: write TEXT to COM1 after MARKER (escapes: \\n, \\xNN for any byte).",
        ),
        "chaos_after": attr.string(doc = "Serial text after which the chaos (chaos_*) starts, all at once."),
        "chaos_keys": attr.int(doc = "Key events to send through QMP input-send-event."),
        "chaos_serial_bytes": attr.int(doc = "Bytes of garbage to write to COM1."),
        "chaos_nmis": attr.int(doc = "NMIs to inject through QMP inject-nmi."),
        "chaos_nmi_counter": attr.string(
            doc = "Serial text followed by the address of the kernel's NMI count: each NMI waits for the last to be counted.",
        ),
        "chaos_seed": attr.int(default = 1, doc = "Seed of the chaos generators."),
        "chaos_end_marker": attr.string(doc = "Serial text to wait for after the chaos, before the after-chaos input."),
        "after_chaos_keys": attr.string(doc = "Keys to type (as send_keys_after) once the chaos is over."),
        "after_chaos_serial": attr.string(doc = "Text to write to COM1 once the chaos is over."),
        "same_lines": attr.string_list(
            doc = "Regexes: the lines (or groups) each matches must repeat unchanged, two or more times.",
        ),
        "qemu_args": attr.string_list(doc = "Extra QEMU arguments."),
        "_runner": attr.label(
            default = "//tools/qemu:run_qemu_test.py",
            allow_single_file = True,
            executable = True,
            cfg = "exec",
        ),
        "_chaos": attr.label(
            default = "//tools/qemu:chaos.py",
            allow_single_file = True,
            cfg = "exec",
        ),
    },
)

def kernel_test(name, srcs = [], deps = [], size = "small", tags = [], iso_visibility = None, **kwargs):
    """A kernel image built from `srcs`/`deps` plus a qemu_test booting it."""
    kernel_image(
        name = name + "_kernel",
        srcs = srcs,
        deps = deps,
        testonly = True,
        visibility = iso_visibility,
    )
    qemu_test(
        name = name,
        iso = ":" + name + "_kernel_iso",
        size = size,
        tags = tags,
        **kwargs
    )
