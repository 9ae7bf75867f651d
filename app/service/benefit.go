package service

import (
	"bytes"
	"cmp"
	"slices"

	"acedesk/app"
	"acedesk/app/rules"
)

// benefitStore is what BenefitService needs of the store.
type benefitStore interface {
	GetMember(id uint64) (app.Member, error)
	HoldingsIn(year int) ([]app.Holding, error)
}

// BenefitService produces the lists the program's benefits need: the
// conference image wall and the technical advisory group roster.
type BenefitService struct {
	sheets app.Spreadsheets
	repo   benefitStore
}

// Benefit lists.
const (
	ListImageWall = "image_wall" // every holder: the conference image wall
	ListAdvisory  = "advisory"   // ACE and Director holders: the advisory group
)

// BenefitRow is one holder on a list.
type BenefitRow struct {
	MemberID     uint64 `json:"member_id"`
	Name         string `json:"name"`
	NameLatin    string `json:"name_latin"`
	Level        string `json:"level"`
	City         string `json:"city"`
	Organization string `json:"organization"`
	Title        string `json:"title"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
}

// List returns the holders of year on list, highest level first, then by
// name.
func (s *BenefitService) List(list string, year int) ([]BenefitRow, error) {
	minimum := rules.LevelPartner
	switch list {
	case ListImageWall:
	case ListAdvisory:
		minimum = rules.LevelACE
	default:
		return nil, app.Errorf(app.CodeInvalid, "unknown_list", "no list %q", list).WithParams("list", list)
	}
	holdings, err := s.repo.HoldingsIn(year)
	if err != nil {
		return nil, err
	}
	out := []BenefitRow{}
	for _, h := range holdings {
		if rules.Level(h.Level).Rank() < minimum.Rank() {
			continue
		}
		m, err := s.repo.GetMember(h.MemberID)
		if err != nil {
			return nil, err
		}
		out = append(out, BenefitRow{MemberID: m.ID, Name: m.Name, NameLatin: m.NameLatin, Level: h.Level, City: m.City,
			Organization: m.Organization, Title: m.Title, Phone: m.Phone, Email: m.Email})
	}
	slices.SortFunc(out, func(a, b BenefitRow) int {
		return cmp.Or(cmp.Compare(rules.Level(b.Level).Rank(), rules.Level(a.Level).Rank()), cmp.Compare(a.NameLatin, b.NameLatin), cmp.Compare(a.Name, b.Name))
	})
	return out, nil
}

// XLSX is a list as a workbook. The image wall is public, so it leaves out
// phones and emails; the advisory roster is for the organizers and keeps them.
func (s *BenefitService) XLSX(list string, year int) ([]byte, error) {
	rows, err := s.List(list, year)
	if err != nil {
		return nil, err
	}
	sheet := app.Sheet{Name: "形象墙名单", Header: []string{"姓名", "拼音", "级别", "城市", "单位", "职务"}}
	if list == ListAdvisory {
		sheet = app.Sheet{Name: "ACE 技术顾问团名单", Header: []string{"姓名", "拼音", "级别", "城市", "单位", "职务", "手机", "邮箱"}}
	}
	for _, r := range rows {
		row := []string{r.Name, r.NameLatin, rules.Level(r.Level).LabelZH(), r.City, r.Organization, r.Title}
		if list == ListAdvisory {
			row = append(row, r.Phone, r.Email)
		}
		sheet.Rows = append(sheet.Rows, row)
	}
	var buf bytes.Buffer
	err = s.sheets.WriteXLSX(&buf, []app.Sheet{sheet})
	return buf.Bytes(), err
}
