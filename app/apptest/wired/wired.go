// Package wired gives tests the real adapters that main.go plugs into the
// services, so that the tests of the services and of the transports run
// against the same parts as the program.
package wired

import (
	"log/slog"

	"acedesk/app/badge"
	"acedesk/app/bundle"
	"acedesk/app/exchange"
	"acedesk/app/pdf"
	"acedesk/app/pgpush"
	"acedesk/app/pinyin"
	"acedesk/app/service"
	"acedesk/app/showcase"
	"acedesk/app/sign"
)

// One printer for every test of a process, as one program has one: the
// font's tables are read once.
var printer = pdf.NewPrinter()

// Ports are the real adapters, logging nowhere.
func Ports() service.Ports {
	return service.Ports{Printer: printer, Showcase: showcase.Renderer{}, Badges: badge.Issuer{}, Codes: sign.Codes{}, Latin: pinyin.Romanizer{},
		Bundles: bundle.Codec{}, Sheets: exchange.Spreadsheets{}, Pusher: pgpush.Pusher{}, Log: slog.New(slog.DiscardHandler)}
}

// SetChapter sets the chapter code, as a chapter does before it issues
// its first certificate.
func SetChapter(svc *service.Services, code string) error {
	setup, err := svc.Certificates.Setup()
	if err != nil {
		return err
	}
	setup.ChapterCode = code
	_, err = svc.Certificates.SaveSetup(setup)
	return err
}
