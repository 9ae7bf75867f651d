// Command winres writes the Windows resources of acedesk.exe and
// acedesk-cli.exe as an object file that go build links into package main
// for windows/amd64 (a .syso file named *_windows_amd64.syso): the icon,
// made from build/appicon.png, that Explorer, the taskbar and the shortcuts
// show; the version information that Explorer's Details tab shows; and the
// manifest (common controls 6, per-monitor DPI, as Wails writes it). It can
// also write the icon as an .ico file, for the installer.
//
//	go run ./scripts/winres -version 0.0.0.213 -display v0.2.0-3-g0123abc \
//	    -description "ACE Desk" -syso acedesk_windows_amd64.syso -ico acedesk.ico
//
// Product, company and copyright come from wails.json's "info".
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"image"
	_ "image/png"
	"io"
	"os"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

func main() {
	numeric := flag.String("version", "0.0.0.0", "the version as four numbers up to 65535: a.b.c.d")
	display := flag.String("display", "", "the version as people read it (git describe)")
	description := flag.String("description", "ACE Desk", "the file's description")
	filename := flag.String("filename", "acedesk.exe", "the file's original name")
	syso := flag.String("syso", "", "write the resources here (*_windows_amd64.syso)")
	ico := flag.String("ico", "", "write the icon here (.ico)")
	flag.Parse()
	if err := run(*numeric, *display, *description, *filename, *syso, *ico); err != nil {
		fmt.Fprintln(os.Stderr, "winres:", err)
		os.Exit(1)
	}
}

type project struct {
	Info struct {
		CompanyName string `json:"companyName"`
		ProductName string `json:"productName"`
		Copyright   string `json:"copyright"`
		Comments    string `json:"comments"`
	} `json:"info"`
}

func run(numeric, display, description, filename, sysoPath, icoPath string) error {
	raw, err := os.ReadFile("wails.json")
	if err != nil {
		return err
	}
	var p project
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("wails.json: %w", err)
	}
	f, err := os.Open("build/appicon.png")
	if err != nil {
		return err
	}
	img, _, err := image.Decode(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("build/appicon.png: %w", err)
	}
	icon, err := winres.NewIconFromResizedImage(img, []int{256, 128, 64, 48, 32, 24, 16})
	if err != nil {
		return err
	}
	if icoPath != "" {
		if err := writeFile(icoPath, icon.SaveICO); err != nil {
			return err
		}
	}
	if sysoPath == "" {
		return nil
	}
	if display == "" {
		display = numeric
	}
	var rs winres.ResourceSet
	// The first icon is the one Explorer shows for the file.
	if err := rs.SetIcon(winres.ID(1), icon); err != nil {
		return err
	}
	rs.SetManifest(winres.AppManifest{
		DPIAwareness:        winres.DPIPerMonitorV2,
		UseCommonControlsV6: true,
		Compatibility:       winres.Win10AndAbove,
	})
	var vi version.Info
	for key, value := range map[string]string{
		version.CompanyName:      p.Info.CompanyName,
		version.FileDescription:  description,
		version.InternalName:     "acedesk",
		version.LegalCopyright:   p.Info.Copyright,
		version.OriginalFilename: filename,
		version.ProductName:      p.Info.ProductName,
		version.Comments:         p.Info.Comments,
	} {
		if err := vi.Set(version.LangDefault, key, value); err != nil {
			return err
		}
	}
	vi.SetFileVersion(numeric)
	vi.SetProductVersion(numeric)
	// The strings people read carry the version as git describe gives it.
	vi.Set(version.LangDefault, version.ProductVersion, display)
	vi.Set(version.LangDefault, version.FileVersion, display)
	rs.SetVersionInfo(vi)
	return writeFile(sysoPath, func(w io.Writer) error { return rs.WriteObject(w, winres.ArchAMD64) })
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
