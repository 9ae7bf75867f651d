package app

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

const (
	DefaultDemoMembers = 300
	MaxDemoMembers     = 20000
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

// DemoMembers makes n realistic, reproducible members (the same seed gives
// the same people), spread over all nine categories and ten cities, each
// with a unique phone and email.
func DemoMembers(n int, seed uint64) []Member {
	r := rand.New(rand.NewPCG(seed, 0xACE))
	out := make([]Member, 0, n)
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
		cat := OrgCategories[i%len(OrgCategories)]
		orgs, titles := demoOrgs[cat], demoTitles[cat]
		m := Member{
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
		out = append(out, m)
	}
	return out
}
