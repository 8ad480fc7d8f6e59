namespace HospitalOrleans.Domain.Directory;

/// <summary>
/// The demo cancer hospital loaded on first start when the store is empty: 10 departments,
/// 40 doctors, each holding three clinics a week, so every day of the next fortnight has sessions.
/// Three famous experts have small pools, the first to sell out at 07:00.
/// </summary>
public static class DemoHospital
{
    private static readonly (string Id, string Name, string NameEn, string Building, string Floor, string Room)[] DepartmentRows =
    [
        ("TMO", "胸部肿瘤内科", "Thoracic Medical Oncology", "门诊楼", "3F", "301–306"),
        ("BRS", "乳腺外科", "Breast Surgery", "门诊楼", "4F", "401–405"),
        ("RAD", "放疗科", "Radiation Oncology", "放疗中心", "1F", "108–112"),
        ("INT", "介入治疗科", "Interventional Therapy", "医技楼", "2F", "203–206"),
        ("ICW", "中西医结合科", "Integrated Chinese and Western Medicine", "门诊楼", "5F", "501–504"),
        ("GIS", "胃肠外科", "Gastrointestinal Surgery", "门诊楼", "4F", "410–414"),
        ("GYN", "妇科肿瘤科", "Gynecologic Oncology", "门诊楼", "6F", "601–605"),
        ("HNS", "头颈外科", "Head and Neck Surgery", "门诊楼", "3F", "310–313"),
        ("HEM", "血液肿瘤科", "Hematologic Oncology", "住院楼", "2F", "门诊区 2–4"),
        ("THS", "胸外科", "Thoracic Surgery", "门诊楼", "5F", "510–514"),
    ];

    private static readonly (string Name, string NameEn)[] DoctorNames =
    [
        ("王建国", "Wang Jianguo"), ("李秀英", "Li Xiuying"), ("张伟", "Zhang Wei"), ("刘洋", "Liu Yang"),
        ("陈静", "Chen Jing"), ("杨志强", "Yang Zhiqiang"), ("赵丽华", "Zhao Lihua"), ("黄海涛", "Huang Haitao"),
        ("周晓梅", "Zhou Xiaomei"), ("吴国平", "Wu Guoping"), ("徐敏", "Xu Min"), ("孙立军", "Sun Lijun"),
        ("马红梅", "Ma Hongmei"), ("朱振华", "Zhu Zhenhua"), ("胡雪", "Hu Xue"), ("郭明", "Guo Ming"),
        ("何晓燕", "He Xiaoyan"), ("高峰", "Gao Feng"), ("林丹", "Lin Dan"), ("罗文斌", "Luo Wenbin"),
        ("郑淑芬", "Zheng Shufen"), ("梁宇", "Liang Yu"), ("谢婷婷", "Xie Tingting"), ("宋建华", "Song Jianhua"),
        ("唐玉兰", "Tang Yulan"), ("韩东", "Han Dong"), ("冯雅琴", "Feng Yaqin"), ("于海波", "Yu Haibo"),
        ("董春燕", "Dong Chunyan"), ("萧凯", "Xiao Kai"), ("程慧", "Cheng Hui"), ("曹永刚", "Cao Yonggang"),
        ("袁芳", "Yuan Fang"), ("邓志远", "Deng Zhiyuan"), ("许丽娟", "Xu Lijuan"), ("傅强", "Fu Qiang"),
        ("沈佳", "Shen Jia"), ("曾庆文", "Zeng Qingwen"), ("彭雪梅", "Peng Xuemei"), ("吕斌", "Lyu Bin"),
    ];

    private static readonly string[][] Specialties =
    [
        ["肺癌靶向治疗", "肺癌免疫治疗", "小细胞肺癌化疗", "胸膜间皮瘤"],
        ["乳腺癌保乳手术", "乳腺癌前哨淋巴结活检", "乳腺良性肿瘤", "乳房重建"],
        ["鼻咽癌调强放疗", "肺癌立体定向放疗", "食管癌放疗", "脑转移瘤放疗"],
        ["肝癌介入栓塞", "射频消融", "粒子植入", "血管介入"],
        ["肿瘤中医调理", "放化疗后康复", "癌痛中医治疗", "中药辅助治疗"],
        ["胃癌根治术", "结直肠癌微创手术", "胃肠间质瘤", "腹腔镜手术"],
        ["宫颈癌", "卵巢癌", "子宫内膜癌", "妇科肿瘤筛查"],
        ["甲状腺癌", "喉癌", "口腔癌", "腮腺肿瘤"],
        ["淋巴瘤", "多发性骨髓瘤", "白血病", "骨髓增生异常综合征"],
        ["肺癌微创手术", "食管癌手术", "纵隔肿瘤", "肺结节诊治"],
    ];

    /// <summary>Doctors D001 (lung cancer), D005 and D021 are the famous experts.</summary>
    public static readonly string[] FamousDoctorIds = ["D001", "D005", "D021"];

    public static HospitalDirectory Create()
    {
        var directory = new HospitalDirectory();
        foreach (var row in DepartmentRows)
            directory.Departments.Add(new Department { Id = row.Id, Name = row.Name, NameEn = row.NameEn, Building = row.Building, Floor = row.Floor, Room = row.Room });

        for (var i = 0; i < DoctorNames.Length; i++)
        {
            var department = i / 4;
            var rank = i % 4;
            var doctor = new Doctor
            {
                Id = $"D{i + 1:000}",
                Name = DoctorNames[i].Name,
                NameEn = DoctorNames[i].NameEn,
                DepartmentId = DepartmentRows[department].Id,
                Title = rank switch { 0 => DoctorTitle.Chief, 1 => DoctorTitle.AssociateChief, 2 => DoctorTitle.Attending, _ => DoctorTitle.Attending },
                Specialty = Specialties[department][rank],
            };
            doctor.Famous = FamousDoctorIds.Contains(doctor.Id);
            if (doctor.Famous) doctor.Title = DoctorTitle.Chief;
            directory.Doctors.Add(doctor);

            // Three half-days a week, staggered so every weekday and weekend day has clinics.
            for (var k = 0; k < 3; k++)
            {
                directory.WeeklyClinics.Add(new WeeklyClinic
                {
                    DoctorId = doctor.Id,
                    DayOfWeek = (DayOfWeek)((i + 2 * k) % 7),
                    Session = (i + k) % 2 == 0 ? Session.Morning : Session.Afternoon,
                    Capacity = doctor.Famous ? 12 : doctor.Title == DoctorTitle.Chief ? 40 : 48,
                    PeriodMinutes = 30,
                });
            }
        }
        return directory;
    }
}
