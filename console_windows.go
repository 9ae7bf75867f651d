package main

import (
	"log"
	"os"

	"golang.org/x/sys/windows"
)

// The desktop acedesk.exe is a GUI program (-H windowsgui): double-clicked,
// it opens no console window, but Windows gives it no standard output
// either, so `acedesk.exe standings` typed in cmd.exe or PowerShell would
// print nothing. Given a command, it attaches to the console of the shell
// that started it and writes there. The shell does not wait for a GUI
// program, though: the prompt comes back at once and the exit code is
// lost. acedesk-cli.exe, the console build beside it, is the one for
// scripts and exit codes. Output already redirected to a file or a pipe
// keeps its handle and is left alone; so is the console build, which has
// its handles from the start.
func init() {
	if len(os.Args) < 2 || validHandle(windows.STD_OUTPUT_HANDLE) {
		return
	}
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started without a console (Explorer, a shortcut): nothing to print to
	}
	out := openConsole()
	if out == nil {
		return
	}
	os.Stdout = out
	windows.SetStdHandle(windows.STD_OUTPUT_HANDLE, windows.Handle(out.Fd()))
	if !validHandle(windows.STD_ERROR_HANDLE) {
		os.Stderr = out
		windows.SetStdHandle(windows.STD_ERROR_HANDLE, windows.Handle(out.Fd()))
		log.SetOutput(out)
	}
	// Begin below the prompt the shell has already printed again.
	out.WriteString("\r\n")
}

func validHandle(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	return err == nil && h != 0 && h != windows.InvalidHandle
}

func openConsole() *os.File {
	name, _ := windows.UTF16PtrFromString("CONOUT$")
	h, err := windows.CreateFile(name, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil
	}
	return os.NewFile(uintptr(h), "CONOUT$")
}
