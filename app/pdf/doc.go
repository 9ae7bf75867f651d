// Package pdf renders the printed matter of ACE Desk: certificates, the
// trophy list, place cards and simple lists. It is the only package that
// imports gofpdf, and it takes plain input types so that it depends on no
// other package of ACE Desk.
//
// Every document is set in LXGW WenKai (OFL-1.1, fonts/OFL.txt), embedded
// unmodified. Check names with Renderer.Unprintable before printing: a
// character the font lacks would print as an empty box.
package pdf
