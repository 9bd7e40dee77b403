import { identifyUser } from '../../src/assistant/identify-user.js';
import { loadConfig } from '../../src/config.js';

const config = loadConfig({
  ACCESS_GROUPS: 'slack:U1=zarzad|kadry;teams:aad-1=zarzad;web:anna=kadry',
  SLACK_ADMIN_USER_IDS: 'UADMIN',
  TEAMS_ADMIN_AAD_IDS: 'aad-admin',
});

describe('identifyUser', () => {
  test('qualifies the id by channel and reads its access groups from ACCESS_GROUPS', () => {
    expect(identifyUser(config, { channel: 'slack', id: 'U1', adminId: 'U1' })).toEqual({
      user: { id: 'slack:U1', accessGroups: ['zarzad', 'kadry'] },
      isAdmin: false,
    });
    expect(
      identifyUser(config, { channel: 'teams', id: 'aad-1', name: 'Radna Anna', adminId: 'aad-1' })
        .user,
    ).toEqual({
      id: 'teams:aad-1',
      name: 'Radna Anna',
      accessGroups: ['zarzad'],
    });
    // The same native id in another channel is another person.
    expect(identifyUser(config, { channel: 'web', id: 'U1' }).user.accessGroups).toEqual([]);
    expect(identifyUser(config, { channel: 'web', id: 'anna', name: 'anna' }).user).toEqual({
      id: 'web:anna',
      name: 'anna',
      accessGroups: ['kadry'],
    });
  });

  test("admin only by the channel's own list and only for the admin id the channel vouches for", () => {
    expect(
      identifyUser(config, { channel: 'slack', id: 'UADMIN', adminId: 'UADMIN' }).isAdmin,
    ).toBe(true);
    expect(
      identifyUser(config, { channel: 'teams', id: 'aad-admin', adminId: 'aad-admin' }).isAdmin,
    ).toBe(true);
    // A Slack admin id means nothing in Teams, and a user without an admin id (no AAD object id) is never one.
    expect(
      identifyUser(config, { channel: 'teams', id: 'UADMIN', adminId: 'UADMIN' }).isAdmin,
    ).toBe(false);
    expect(identifyUser(config, { channel: 'teams', id: 'aad-admin' }).isAdmin).toBe(false);
    expect(identifyUser(config, { channel: 'web', id: 'UADMIN', adminId: 'UADMIN' }).isAdmin).toBe(
      false,
    );
  });

  test('an identity the channel cannot vouch for gets no access groups and no admin', () => {
    expect(
      identifyUser(config, {
        channel: 'teams',
        id: 'aad-admin',
        adminId: 'aad-admin',
        isVerified: false,
      }),
    ).toEqual({
      user: { id: 'teams:aad-admin', accessGroups: [] },
      isAdmin: false,
    });
    expect(
      identifyUser(config, { channel: 'teams', id: 'aad-1', isVerified: false }).user.accessGroups,
    ).toEqual([]);
  });

  test("an instance tells apart users sharing an id, who keep that id's access groups", () => {
    const groups = loadConfig({ ACCESS_GROUPS: 'web:anonymous=kadry' });
    expect(
      identifyUser(groups, { channel: 'web', id: 'anonymous', instance: '10.0.0.7' }).user,
    ).toEqual({ id: 'web:anonymous@10.0.0.7', accessGroups: ['kadry'] });
  });
});
