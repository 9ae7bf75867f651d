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
// pass over the full font), and every document of the batch loads that
// small subset. One PDF of 1,000 certificates takes about 1.5 s on 2 cores
// (3.6 KB a page); 1,000 separate PDFs 7 to 11 s, where each document still
// pays gofpdf's fixed costs (a fresh zlib writer per stream, the font's
// metrics serialised to JSON for its ID, the signature PNG decoded again).
// `make bench` runs scripts/bench-pdf.sh, which compares with ReportLab and
// LibreOffice.
