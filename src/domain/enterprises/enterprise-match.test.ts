import { describe, expect, it } from 'vitest';
import { makeCreditCode } from './credit-code.ts';
import { buildOwnerIndex, enterpriseNameKey, matchOwner } from './enterprise-match.ts';

const HENGFENG = makeCreditCode('91330781MA28L3KP4');
const RUIDA = makeCreditCode('91330000704712345');
const fullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

const index = buildOwnerIndex([
  { id: 1, name: '兰溪恒丰纺织有限公司', creditCode: HENGFENG },
  { id: 2, name: '浙江瑞达新材料股份有限公司', creditCode: RUIDA },
  { id: 3, name: '兰溪市金源机械厂（普通合伙）', creditCode: null },
  { id: 4, name: '兰溪同名商贸有限公司', creditCode: null },
  { id: 5, name: '兰溪同名商贸有限公司 ', creditCode: null },
]);

describe('enterprise name key', () => {
  it.each([
    ['  兰溪恒丰纺织有限公司 ', '兰溪恒丰纺织有限公司'],
    ['浙江天成（兰溪）电器有限公司', '浙江天成(兰溪)电器有限公司'],
    ['浙江天成(兰溪)电器有限公司', '浙江天成(兰溪)电器有限公司'],
    ['\u3000兰溪市金源机械厂（普通合伙）\u3000', '兰溪市金源机械厂(普通合伙)'],
  ])('keys %j as %j', (name, key) => {
    expect(enterpriseNameKey(name)).toBe(key);
  });

  it('keeps everything else as written', () => {
    expect(enterpriseNameKey('兰溪 恒丰纺织有限公司')).not.toBe(enterpriseNameKey('兰溪恒丰纺织有限公司'));
    expect(enterpriseNameKey('ＡＢＣ有限公司')).not.toBe(enterpriseNameKey('ABC有限公司'));
    expect(enterpriseNameKey('Abc有限公司')).not.toBe(enterpriseNameKey('ABC有限公司'));
    expect(enterpriseNameKey('【兰溪】恒丰')).toBe('【兰溪】恒丰');
  });
});

describe('matching a project owner to an enterprise', () => {
  it('matches by the credit code first, even when the name differs', () => {
    expect(matchOwner({ ownerName: '恒丰纺织', ownerCreditCode: HENGFENG }, index)).toEqual({
      enterpriseId: 1,
      by: 'creditCode',
    });
    expect(matchOwner({ ownerName: '浙江瑞达新材料股份有限公司', ownerCreditCode: HENGFENG }, index)).toEqual({
      enterpriseId: 1,
      by: 'creditCode',
    });
  });

  it('normalises the code as typed', () => {
    expect(
      matchOwner(
        { ownerName: null, ownerCreditCode: ` ${HENGFENG.slice(0, 9)} ${HENGFENG.slice(9).toLowerCase()} ` },
        index,
      ),
    ).toEqual({
      enterpriseId: 1,
      by: 'creditCode',
    });
    expect(matchOwner({ ownerName: null, ownerCreditCode: fullWidth(RUIDA) }, index)).toEqual({
      enterpriseId: 2,
      by: 'creditCode',
    });
  });

  it('falls back on the exact name when there is no code or the code finds nothing', () => {
    expect(matchOwner({ ownerName: '浙江瑞达新材料股份有限公司', ownerCreditCode: null }, index)).toEqual({
      enterpriseId: 2,
      by: 'name',
    });
    expect(matchOwner({ ownerName: ' 浙江瑞达新材料股份有限公司', ownerCreditCode: '' }, index)).toEqual({
      enterpriseId: 2,
      by: 'name',
    });
    expect(
      matchOwner({ ownerName: '浙江瑞达新材料股份有限公司', ownerCreditCode: '91330781MA2XXXXXX0' }, index),
    ).toEqual({ enterpriseId: 2, by: 'name' });
    expect(matchOwner({ ownerName: '兰溪市金源机械厂(普通合伙)', ownerCreditCode: null }, index)).toEqual({
      enterpriseId: 3,
      by: 'name',
    });
  });

  it('does not match a name that is only similar', () => {
    for (const ownerName of [
      '浙江瑞达新材料有限公司',
      '瑞达新材料',
      '浙江瑞达 新材料股份有限公司',
      '浙江瑞达新材料股份有限公司兰溪分公司',
    ])
      expect(matchOwner({ ownerName, ownerCreditCode: null }, index)).toBeNull();
  });

  it('matches nothing without a name or a code', () => {
    expect(matchOwner({ ownerName: null, ownerCreditCode: null }, index)).toBeNull();
    expect(matchOwner({ ownerName: '  ', ownerCreditCode: '  ' }, index)).toBeNull();
  });

  it('leaves out a name two enterprises share', () => {
    expect(index.byName.has('兰溪同名商贸有限公司')).toBe(false);
    expect(matchOwner({ ownerName: '兰溪同名商贸有限公司', ownerCreditCode: null }, index)).toBeNull();
  });

  it('works on an index built elsewhere', () => {
    const hand = { byCode: new Map([[RUIDA, 9]]), byName: new Map([['浙江天成(兰溪)电器有限公司', 8]]) };
    expect(matchOwner({ ownerName: '浙江天成（兰溪）电器有限公司', ownerCreditCode: null }, hand)).toEqual({
      enterpriseId: 8,
      by: 'name',
    });
    expect(matchOwner({ ownerName: '浙江天成（兰溪）电器有限公司', ownerCreditCode: RUIDA }, hand)).toEqual({
      enterpriseId: 9,
      by: 'creditCode',
    });
  });
});
