// Package demo makes realistic demo data: a chapter of members with
// Chinese names (rare characters included), a year of contributions, and
// the groups and events of a demo programme year.
package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"acedesk/app"
)

const (
	DefaultMembers = 300
	MaxMembers     = 20000
)

type hanzi struct{ han, latin string }

// Surnames and given-name characters with their pinyin, including rare
// characters (喆 堃 玥 昇 翀) that certificates must print correctly.
var (
	demoSurnames = []hanzi{
		{"王", "Wang"}, {"李", "Li"}, {"张", "Zhang"}, {"刘", "Liu"}, {"陈", "Chen"}, {"杨", "Yang"},
		{"赵", "Zhao"}, {"黄", "Huang"}, {"周", "Zhou"}, {"吴", "Wu"}, {"徐", "Xu"}, {"孙", "Sun"},
		{"马", "Ma"}, {"胡", "Hu"}, {"郭", "Guo"}, {"何", "He"}, {"林", "Lin"}, {"罗", "Luo"},
		{"高", "Gao"}, {"郑", "Zheng"}, {"梁", "Liang"}, {"谢", "Xie"}, {"宋", "Song"}, {"唐", "Tang"},
		{"欧阳", "Ouyang"}, {"司马", "Sima"}, {"诸葛", "Zhuge"},
	}
	demoGiven = []hanzi{
		{"伟", "wei"}, {"芳", "fang"}, {"娜", "na"}, {"敏", "min"}, {"静", "jing"}, {"磊", "lei"},
		{"洋", "yang"}, {"勇", "yong"}, {"杰", "jie"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"},
		{"霞", "xia"}, {"平", "ping"}, {"刚", "gang"}, {"辉", "hui"}, {"婷", "ting"}, {"宇", "yu"},
		{"浩", "hao"}, {"晨", "chen"}, {"欣", "xin"}, {"博", "bo"}, {"思", "si"}, {"雪", "xue"},
		{"喆", "zhe"}, {"堃", "kun"}, {"玥", "yue"}, {"昇", "sheng"}, {"翀", "chong"}, {"珺", "jun"},
	}
	demoCities = []string{"北京", "上海", "杭州", "南京", "广州", "深圳", "郑州", "成都", "武汉", "西安"}
	demoOrgs   = map[string][]string{
		"user":       {"华东某城商行信息科技部", "某省电力公司信息通信分公司", "某保险集团数据中心", "某物流集团技术部"},
		"vendor":     {"云象数据库有限公司", "星河云计算有限公司", "磐石数据技术有限公司"},
		"integrator": {"汇通系统集成有限公司", "数智运维服务有限公司"},
		"isv":        {"金算财务软件有限公司", "智联医疗软件有限公司", "明途政务软件有限公司"},
		"hardware":   {"曙光服务器制造有限公司", "龙芯兼容硬件研究所"},
		"university": {"某理工大学计算机学院", "某师范大学信息学院", "某财经大学数据科学系"},
		"media":      {"数据库技术周刊", "开源中国观察"},
		"training":   {"象牙塔数据库培训中心", "开源技术认证学院"},
		"volunteer":  {"PostgreSQL 中文社区志愿者", "PG 分会志愿者团队"},
	}
	demoTitles = map[string][]string{
		"user":       {"DBA", "架构师", "运维经理", "开发工程师"},
		"vendor":     {"内核研发工程师", "解决方案架构师", "技术总监"},
		"integrator": {"交付经理", "高级技术支持"},
		"isv":        {"研发经理", "后端工程师"},
		"hardware":   {"产品经理", "兼容性测试工程师"},
		"university": {"副教授", "讲师", "研究生"},
		"media":      {"主编", "技术编辑"},
		"training":   {"讲师", "教学主管"},
		"volunteer":  {"志愿者", "社区运营"},
	}
	demoPhonePrefixes = []string{"138", "139", "186", "135", "150", "177", "199", "158"}
)

// demoBios are short public introductions, as the website shows them.
var demoBios = []string{
	"十余年数据库内核与性能优化经验，PostgreSQL 中文社区布道者。",
	"主导多套核心业务系统从商业数据库迁移到 PostgreSQL。",
	"关注高可用与灾备架构，常在城市用户组分享运维实践。",
	"PostgreSQL 中文文档翻译志愿者，热心解答社区问题。",
	"高校教师，开设数据库系统课程，带领学生参与开源贡献。",
	"专注时序与地理空间场景，PostGIS 与扩展开发爱好者。",
}

// Members makes n realistic, reproducible members (the same seed gives
// the same people), spread over all nine categories and ten cities, each
// with a unique phone and email.
func Members(n int, seed uint64) []app.Member {
	r := rand.New(rand.NewPCG(seed, 0xACE))
	out := make([]app.Member, 0, n)
	for i := 0; i < n; i++ {
		sur := demoSurnames[r.IntN(len(demoSurnames))]
		given := []hanzi{demoGiven[r.IntN(len(demoGiven))]}
		if r.IntN(3) > 0 {
			given = append(given, demoGiven[r.IntN(len(demoGiven))])
		}
		var han, lat strings.Builder
		han.WriteString(sur.han)
		for _, g := range given {
			han.WriteString(g.han)
			lat.WriteString(g.latin)
		}
		latinGiven := lat.String()
		latinGiven = strings.ToUpper(latinGiven[:1]) + latinGiven[1:]
		cat := app.OrgCategories[i%len(app.OrgCategories)]
		orgs, titles := demoOrgs[cat], demoTitles[cat]
		m := app.Member{
			Name:         han.String(),
			NameLatin:    sur.latin + " " + latinGiven,
			Organization: orgs[r.IntN(len(orgs))],
			OrgCategory:  cat,
			Title:        titles[r.IntN(len(titles))],
			City:         demoCities[r.IntN(len(demoCities))],
			// i*7919 mod 1e8 is injective for i < 1e8, so phones never collide.
			Phone: fmt.Sprintf("%s%08d", demoPhonePrefixes[i%len(demoPhonePrefixes)], (i*7919+10007)%100000000),
		}
		if i%5 != 4 {
			m.Email = fmt.Sprintf("%s.%s.%d@example.com", strings.ToLower(sur.latin), strings.ToLower(latinGiven), i+1)
		}
		if i%3 == 0 {
			m.WeChat = fmt.Sprintf("pg_%s%d", strings.ToLower(sur.latin), i+1)
		}
		if i%4 == 0 {
			m.Address = fmt.Sprintf("%s市某区示范路 %d 号", m.City, r.IntN(300)+1)
		}
		// Bios are picked by index, not drawn, so the seed's people stay as they were.
		if i%2 == 0 {
			m.Bio = demoBios[(i/2)%len(demoBios)]
		}
		out = append(out, m)
	}
	return out
}

var demoContributionTitles = map[string][]string{
	"talk_conference":  {"PostgreSQL 17 逻辑复制实战", "从 Oracle 迁移到 PostgreSQL 的十个坑", "PostgreSQL 执行器源码导读"},
	"talk_regional":    {"PostgreSQL 高可用架构选型", "金融核心系统上的 PostgreSQL", "分区表性能调优"},
	"talk_live":        {"PG.Live：VACUUM 原理", "PG.Live：索引类型一览", "PG.Live：连接池实践"},
	"university_event": {"PostgreSQL 高校行·数据库内核入门", "PostgreSQL 高校行·开源贡献指南"},
	"article":          {"一次慢查询排查记录", "pg_stat_statements 使用心得", "深入理解 MVCC", "WAL 归档与 PITR"},
	"forum_beans":      {"PGFans 问答积累"},
}

// Contributions makes a realistic year of contributions for the given
// members, dated no later than through (the demo's "today"): a few strong
// contributors, more with one talk, some just short of a threshold, and a
// sprinkling of pending and rejected records.
func Contributions(memberIDs []uint64, through time.Time, seed uint64) []app.Contribution {
	r := rand.New(rand.NewPCG(seed, 0xC0DE))
	year := through.Year()
	day := func() string {
		d := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(through.YearDay()))
		return d.Format(app.DateLayout)
	}
	var out []app.Contribution
	add := func(id uint64, kind string, quantity int) {
		titles := demoContributionTitles[kind]
		c := app.Contribution{MemberID: id, Kind: kind, Date: day(), Quantity: quantity, Title: titles[r.IntN(len(titles))], Status: app.StatusApproved}
		switch p := r.IntN(100); {
		case p < 6:
			c.Status = app.StatusPending
		case p < 8:
			c.Status = app.StatusRejected
		}
		out = append(out, c)
	}
	for _, id := range memberIDs {
		switch p := r.IntN(100); {
		case p < 8: // an ACE-level year
			add(id, "talk_conference", 1)
			for range 2 + r.IntN(4) {
				add(id, "article", 1)
			}
		case p < 22: // one talk or one university event
			add(id, []string{"talk_regional", "university_event"}[r.IntN(2)], 1)
			if r.IntN(2) == 0 {
				add(id, "article", 1)
			}
		case p < 32: // just short of Partner
			for range 7 + r.IntN(3) {
				add(id, "article", 1)
			}
		case p < 40: // forum regulars
			add(id, "forum_beans", 1000+r.IntN(3000))
			add(id, "talk_live", 1)
		case p < 55:
			add(id, "talk_live", 1)
		}
	}
	return out
}
