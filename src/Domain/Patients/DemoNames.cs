namespace HospitalOrleans.Domain.Patients;

/// <summary>Name parts for the demo master index: common surnames in rough order of frequency, and given-name characters.</summary>
internal static class DemoNames
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
        "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫",
    ];

    public static readonly string[] MaleCharacters =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩",
        "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "国", "建", "文", "志", "海", "峰", "庆", "东", "兵", "成", "德", "福",
        "贵", "生", "祥", "荣", "新", "永", "春", "金", "山", "晨", "阳", "博", "然", "轩", "睿", "哲", "子", "航", "泽", "毅",
    ];

    public static readonly string[] FemaleCharacters =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "兰", "玲", "燕", "萍", "红", "英", "梅", "琴", "云", "莲", "桂",
        "凤", "洁", "琳", "婷", "雪", "慧", "倩", "颖", "欣", "悦", "怡", "佳", "晶", "月", "蕾", "璐", "瑶", "雯", "诗", "涵",
        "梓", "萱", "彤", "雅", "淑", "珍", "华", "荣", "玉", "春",
    ];

    /// <summary>Uyghur names are written in Chinese as given name · father's name.</summary>
    public static readonly string[] UyghurMale = ["艾力", "买买提", "阿不都", "热合曼", "吐尔逊", "艾尔肯", "努尔", "阿里木"];

    public static readonly string[] UyghurFemale = ["古丽", "阿依古丽", "帕提古丽", "迪丽努尔", "热依拉", "米娜瓦尔", "再努尔"];

    public static readonly string[] UyghurFathers = ["买买提", "吐尔逊", "艾买提", "阿布拉", "依明", "玉素甫", "阿不都热合曼"];

    public static readonly string[] LatinGivenMale = ["John", "David", "Michael", "Pierre", "José", "Seán", "Noah", "Lukas", "François", "Søren", "Kenji", "Min-jun"];

    public static readonly string[] LatinGivenFemale = ["Maria", "Anna", "Sophie", "Chloé", "Zoë", "Emma", "Yuki", "Ji-woo", "Ingrid", "Lucía"];

    public static readonly string[] LatinFamily = ["Smith", "García", "Müller", "O'Brien", "Tanaka", "Kim", "Dubois", "Rossi", "Johnson", "Nguyen", "Schmidt", "Lefèvre", "Park", "Suzuki", "Brown"];
}
