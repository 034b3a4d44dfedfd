/** 泉州市 districts and county-level cities (GB/T 2260 codes), for addresses and service-manager assignment. */
export const quanzhouDistricts: Record<string, string> = {
  '350502': '鲤城区',
  '350503': '丰泽区',
  '350504': '洛江区',
  '350505': '泉港区',
  '350521': '惠安县',
  '350524': '安溪县',
  '350525': '永春县',
  '350526': '德化县',
  '350581': '石狮市',
  '350582': '晋江市',
  '350583': '南安市',
};

export const cityOf = (regionCode: string) => regionCode.slice(0, 4);
