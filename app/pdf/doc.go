// Package pdf renders the printed matter of ACE Desk: certificates, the
// trophy list, place cards and simple lists. It is the only package that
// imports gofpdf, and it takes plain input types so that it depends on no
// other package of ACE Desk.
//
// Every document is set in LXGW WenKai (OFL-1.1, fonts/OFL.txt), embedded
// unmodified. Check names with Renderer.Unprintable before printing: a
// character the font lacks would print as an empty box.
package pdf

// Cost. gofpdf parses a whole font file each time a document loads it, and
// LXGW WenKai is 15.7 MB. So each batch (Certificates, EachCertificate, a
// list) first cuts one subset of the glyphs it needs from the font (one
// pass over the full font, subset.go), and every document of the batch
// loads that small subset. What the pages of a document share (the frame,
// the heading, the signatories, the seal, a level's wording) is drawn
// once as a form (canvas.go, makeForms); a page's own text is written
// compactly and its QR code is an image mask of one bit a module. 1,000
// honor certificates with signed codes: one PDF in about 0.3 s on 2 cores
// at 1.4 KB a page, 1,000 separate PDFs in about 1.2 s. `make bench` runs
// scripts/bench-pdf.sh, which times `acedesk certs` beside ReportLab and
// LibreOffice making the same certificates.
