/**
 * Assurance levels of a verification, after eIDAS (Regulation 910/2014 Art. 8), as the server records them
 * (server/src/platform/realname/README.md): label and what the level means, [zh, en].
 */
export type Assurance = 'low' | 'substantial' | 'high';

export const assuranceText: Record<Assurance, { label: readonly [string, string]; meaning: readonly [string, string]; color: string }> = {
  low: {
    label: ['低', 'Low'],
    meaning: ['仅校验号码格式，未核验本人（演示）', 'Only the number’s form was checked, not the person (demo)'],
    color: 'orange',
  },
  substantial: {
    label: ['较高', 'Substantial'],
    meaning: ['经政务服务实名账号核验', 'Checked by a government identity account'],
    color: 'blue',
  },
  high: {
    label: ['高', 'High'],
    meaning: ['政务实名账号并经人脸或证书核验', 'Government account plus face or certificate check'],
    color: 'green',
  },
};

export function assuranceOf(value: string): (typeof assuranceText)[Assurance] | null {
  return value in assuranceText ? assuranceText[value as Assurance] : null;
}
